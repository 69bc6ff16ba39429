namespace TenantPortal.Web.Data.Housing;

/// <summary>A person named on the tenancy agreement (one of several for a joint tenancy), with their contact record.</summary>
public class Tenant
{
    public int Id { get; set; }
    public int TenancyId { get; set; }
    public Tenancy Tenancy { get; set; } = null!;
    public TenantRole Role { get; set; }
    public string? Title { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public DateOnly DateOfBirth { get; set; }

    public string? MobilePhone { get; set; }
    public string? HomePhone { get; set; }
    public string? Email { get; set; }
    public ContactMethod PreferredContactMethod { get; set; } = ContactMethod.Letter;
    public bool AgreesToTexts { get; set; }
    public bool AgreesToEmails { get; set; }

    public bool NeedsLargePrint { get; set; }
    public string? InterpreterLanguage { get; set; }
    public string? HearingOrSightNeeds { get; set; }
    public string? Advocate { get; set; }

    /// <summary>A vulnerable occupant or a risk to staff; such households are called back instead of self-booking.</summary>
    public bool HasCautionaryAlert { get; set; }

    /// <summary>Concurrency token: the portal's own column, given a new value on every save by HousingDbContext, or
    /// the HMS's rowversion / xmin (<c>Housing:Mapping:Concurrency</c>). A save based on stale values fails instead of
    /// overwriting. Never set by features.</summary>
    public Guid Version { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}
