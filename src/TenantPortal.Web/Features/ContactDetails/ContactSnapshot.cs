using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.ContactDetails;

/// <summary>The contact fields of one tenant's record, as held in the housing database (phones in E.164).</summary>
public sealed record ContactSnapshot(
    string? MobilePhone,
    string? HomePhone,
    string? Email,
    ContactMethod PreferredContactMethod,
    bool AgreesToTexts,
    bool AgreesToEmails,
    bool NeedsLargePrint,
    string? InterpreterLanguage,
    string? HearingOrSightNeeds,
    string? Advocate)
{
    public static ContactSnapshot From(Tenant t) => new(t.MobilePhone, t.HomePhone, t.Email, t.PreferredContactMethod, t.AgreesToTexts,
        t.AgreesToEmails, t.NeedsLargePrint, t.InterpreterLanguage, t.HearingOrSightNeeds, t.Advocate);

    public void ApplyTo(Tenant t)
    {
        t.MobilePhone = MobilePhone;
        t.HomePhone = HomePhone;
        t.Email = Email;
        t.PreferredContactMethod = PreferredContactMethod;
        t.AgreesToTexts = AgreesToTexts;
        t.AgreesToEmails = AgreesToEmails;
        t.NeedsLargePrint = NeedsLargePrint;
        t.InterpreterLanguage = InterpreterLanguage;
        t.HearingOrSightNeeds = HearingOrSightNeeds;
        t.Advocate = Advocate;
    }

    /// <summary>The fields as stored text (history rows), keyed by the Tenant property name.</summary>
    public IReadOnlyList<(string Field, string? Value)> Fields() =>
    [
        (nameof(MobilePhone), MobilePhone),
        (nameof(HomePhone), HomePhone),
        (nameof(Email), Email),
        (nameof(PreferredContactMethod), PreferredContactMethod.ToString()),
        (nameof(AgreesToTexts), YesNo(AgreesToTexts)),
        (nameof(AgreesToEmails), YesNo(AgreesToEmails)),
        (nameof(NeedsLargePrint), YesNo(NeedsLargePrint)),
        (nameof(InterpreterLanguage), InterpreterLanguage),
        (nameof(HearingOrSightNeeds), HearingOrSightNeeds),
        (nameof(Advocate), Advocate),
    ];

    public IReadOnlyList<(string Field, string? Old, string? New)> Differences(ContactSnapshot updated) =>
        Fields().Zip(updated.Fields(), (a, b) => (a.Field, Old: a.Value, New: b.Value))
            .Where(d => !string.Equals(d.Old, d.New, StringComparison.Ordinal))
            .ToList();

    /// <summary>Rules across fields: the preferred way to contact someone must be one we can use.</summary>
    public (string Field, string Error)? CrossFieldProblem() => PreferredContactMethod switch
    {
        ContactMethod.Text when string.IsNullOrEmpty(MobilePhone) => (nameof(MobilePhone), "To be contacted by text, we need a mobile number. Add a mobile number first, or choose another way to be contacted"),
        ContactMethod.Email when string.IsNullOrEmpty(Email) => (nameof(Email), "To be contacted by email, we need an email address. Choose another way to be contacted"),
        ContactMethod.Phone when string.IsNullOrEmpty(MobilePhone) && string.IsNullOrEmpty(HomePhone) => (nameof(HomePhone), "To be contacted by phone, we need a phone number. Add a phone number first, or choose another way to be contacted"),
        _ => null,
    };

    internal static string YesNo(bool value) => value ? "Yes" : "No";
}
