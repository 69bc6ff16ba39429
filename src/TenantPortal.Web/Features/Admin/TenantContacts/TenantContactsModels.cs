using Microsoft.AspNetCore.Mvc.ModelBinding;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.ContactDetails;

namespace TenantPortal.Web.Features.Admin.TenantContacts;

/// <summary>A tenant's contact details and change history, for any admin page (see _ContactDetailsAndHistory).</summary>
public sealed class ContactDetailsAndHistory
{
    public required ContactRecord Record { get; init; }
    public required IReadOnlyList<ContactHistoryEntry> History { get; init; }

    /// <summary>Show the "Change contact details" link.</summary>
    public bool CanEdit { get; init; } = true;
}

public sealed class TenantContactsPage
{
    public required ContactDetailsAndHistory Details { get; init; }
    public string? Notice { get; init; }
    public bool Conflict { get; init; }
}

/// <summary>The officer's one-page form: all the contact fields at once (desktop, usually on a call).</summary>
public sealed class OfficerContactForm
{
    public string? MobilePhone { get; set; }
    public string? HomePhone { get; set; }
    public string? Email { get; set; }
    public string? PreferredContactMethod { get; set; }
    public bool AgreesToTexts { get; set; }
    public bool AgreesToEmails { get; set; }
    public bool NeedsLargePrint { get; set; }
    public string? InterpreterLanguage { get; set; }
    public string? HearingOrSightNeeds { get; set; }
    public string? Advocate { get; set; }
    public Guid? Version { get; set; }

    [BindNever]
    public ContactRecord Record { get; set; } = null!;

    public static OfficerContactForm From(ContactRecord record)
    {
        var d = record.Details;
        return new OfficerContactForm
        {
            Record = record,
            MobilePhone = UkPhoneNumbers.Display(d.MobilePhone),
            HomePhone = UkPhoneNumbers.Display(d.HomePhone),
            Email = d.Email,
            PreferredContactMethod = d.PreferredContactMethod.ToString(),
            AgreesToTexts = d.AgreesToTexts,
            AgreesToEmails = d.AgreesToEmails,
            NeedsLargePrint = d.NeedsLargePrint,
            InterpreterLanguage = d.InterpreterLanguage,
            HearingOrSightNeeds = d.HearingOrSightNeeds,
            Advocate = d.Advocate,
            Version = record.Version,
        };
    }

    /// <summary>The posted values checked and normalised with the same rules as the tenant's pages. The email is
    /// returned separately: it changes only when the tenant follows the link sent to the new address.</summary>
    public (ContactSnapshot? Snapshot, string? NewEmail) Validate(ContactSnapshot current, ModelStateDictionary errors)
    {
        string? Parse(string field, string? input)
        {
            var (stored, error) = ContactItems.ForField(field).Parse(input);
            if (error is not null)
            {
                errors.AddModelError(field, error);
            }

            return stored;
        }

        var mobile = Parse(nameof(MobilePhone), MobilePhone);
        var home = Parse(nameof(HomePhone), HomePhone);
        string? email = current.Email;
        if (!string.IsNullOrWhiteSpace(Email) || !string.IsNullOrEmpty(current.Email))
        {
            email = Parse(nameof(Email), Email);
        }

        var method = Parse(nameof(PreferredContactMethod), PreferredContactMethod);
        var language = Parse(nameof(InterpreterLanguage), InterpreterLanguage);
        var needs = Parse(nameof(HearingOrSightNeeds), HearingOrSightNeeds);
        var advocate = Parse(nameof(Advocate), Advocate);
        if (!errors.IsValid)
        {
            return (null, null);
        }

        var newEmail = string.Equals(email, current.Email, StringComparison.OrdinalIgnoreCase) ? null : email;
        var snapshot = new ContactSnapshot(mobile, home, current.Email, Enum.Parse<ContactMethod>(method!), AgreesToTexts, AgreesToEmails,
            NeedsLargePrint, language, needs, advocate);
        if ((snapshot with { Email = email }).CrossFieldProblem() is { } problem)
        {
            errors.AddModelError(nameof(PreferredContactMethod), problem.Error);
            return (null, null);
        }

        return (snapshot, newEmail);
    }
}
