using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.ContactDetails;

public enum ContactItemKind { MobilePhone, HomePhone, Email, ContactMethod, YesNo, ShortText, LongText }

/// <summary>One thing a tenant can change on its own short page: its URL, question, rules and how it reads.</summary>
public sealed record ContactItem(
    string Slug,
    string Field,
    string Label,
    string Question,
    string? Hint,
    ContactItemKind Kind,
    int MaxLength = 0)
{
    /// <summary>Email and phone changes ask for the password again first.</summary>
    public bool RequiresPassword => Kind is ContactItemKind.MobilePhone or ContactItemKind.HomePhone or ContactItemKind.Email;

    /// <summary>The stored value of this item in a snapshot (E.164 for phones, enum name, "Yes"/"No").</summary>
    public string? Current(ContactSnapshot snapshot) => snapshot.Fields().Single(f => f.Field == Field).Value;

    /// <summary>What goes in the input when the page opens.</summary>
    public string? FormValue(string? stored) => Kind is ContactItemKind.MobilePhone or ContactItemKind.HomePhone ? UkPhoneNumbers.Display(stored) : stored;

    /// <summary>How a stored value reads on the summary and check pages.</summary>
    public string Display(string? stored) => Kind switch
    {
        _ when string.IsNullOrEmpty(stored) => Kind is ContactItemKind.ShortText or ContactItemKind.LongText ? "None" : "Not given",
        ContactItemKind.MobilePhone or ContactItemKind.HomePhone => UkPhoneNumbers.Display(stored),
        ContactItemKind.ContactMethod => ContactItems.MethodName(Enum.Parse<ContactMethod>(stored!)),
        _ => stored!,
    };

    /// <summary>Checks and normalises what was typed: the value to store, or the error to show.</summary>
    public (string? Stored, string? Error) Parse(string? input)
    {
        var text = input?.Trim() ?? "";
        switch (Kind)
        {
            case ContactItemKind.MobilePhone or ContactItemKind.HomePhone:
                if (text.Length == 0)
                {
                    return (null, null);
                }

                var phone = UkPhoneNumbers.Normalise(text, Kind == ContactItemKind.MobilePhone ? PhoneKind.Mobile : PhoneKind.Any, Label);
                return (phone.E164, phone.Error);
            case ContactItemKind.Email:
                if (text.Length == 0)
                {
                    return (null, "Enter your new email address");
                }

                var email = EmailAddresses.Normalise(text);
                return (email.Address, email.Error);
            case ContactItemKind.ContactMethod:
                return Enum.TryParse<ContactMethod>(text, ignoreCase: false, out var method) && Enum.IsDefined(method) && text == method.ToString()
                    ? (method.ToString(), null)
                    : (null, "Select how you would like us to contact you");
            case ContactItemKind.YesNo:
                return text is "Yes" or "No" ? (text, null) : (null, $"Select yes or no");
            default:
                text = new string(text.Where(c => !char.IsControl(c) || (Kind == ContactItemKind.LongText && c is '\n' or '\r')).ToArray()).Trim();
                if (text.Length > MaxLength)
                {
                    return (null, $"{Label} must be {MaxLength} characters or fewer");
                }

                return (text.Length == 0 ? null : text, null);
        }
    }

    /// <summary>The snapshot with this item set to a stored value.</summary>
    public ContactSnapshot With(ContactSnapshot s, string? stored) => Field switch
    {
        nameof(ContactSnapshot.MobilePhone) => s with { MobilePhone = stored },
        nameof(ContactSnapshot.HomePhone) => s with { HomePhone = stored },
        nameof(ContactSnapshot.Email) => s with { Email = stored },
        nameof(ContactSnapshot.PreferredContactMethod) => s with { PreferredContactMethod = Enum.Parse<ContactMethod>(stored!) },
        nameof(ContactSnapshot.AgreesToTexts) => s with { AgreesToTexts = stored == "Yes" },
        nameof(ContactSnapshot.AgreesToEmails) => s with { AgreesToEmails = stored == "Yes" },
        nameof(ContactSnapshot.NeedsLargePrint) => s with { NeedsLargePrint = stored == "Yes" },
        nameof(ContactSnapshot.InterpreterLanguage) => s with { InterpreterLanguage = stored },
        nameof(ContactSnapshot.HearingOrSightNeeds) => s with { HearingOrSightNeeds = stored },
        nameof(ContactSnapshot.Advocate) => s with { Advocate = stored },
        _ => throw new InvalidOperationException($"Unknown contact field {Field}"),
    };
}

public static class ContactItems
{
    public static readonly IReadOnlyList<ContactItem> All =
    [
        new("mobile-phone", nameof(ContactSnapshot.MobilePhone), "Mobile number", "What is your mobile number?",
            "For example, 07700 900123. Leave it empty to remove your mobile number.", ContactItemKind.MobilePhone),
        new("home-phone", nameof(ContactSnapshot.HomePhone), "Home phone number", "What is your home phone number?",
            "For example, 0161 496 0123. Leave it empty to remove it.", ContactItemKind.HomePhone),
        new("email", nameof(ContactSnapshot.Email), "Email address", "What is your new email address?",
            "We will email a link to this address. The change happens when you follow the link. You will also use this address to sign in.", ContactItemKind.Email, EmailAddresses.MaxLength),
        new("preferred-contact", nameof(ContactSnapshot.PreferredContactMethod), "How we contact you", "How would you like us to contact you?",
            "We will use this for things that are not urgent, like letters about your rent or appointments.", ContactItemKind.ContactMethod),
        new("texts", nameof(ContactSnapshot.AgreesToTexts), "Texts about your home", "Can we send you text messages about your home?",
            "For example, reminders of repair appointments.", ContactItemKind.YesNo),
        new("emails", nameof(ContactSnapshot.AgreesToEmails), "Emails about your home", "Can we send you emails about your home?",
            "For example, your rent statement or news about your area.", ContactItemKind.YesNo),
        new("large-print", nameof(ContactSnapshot.NeedsLargePrint), "Large print letters", "Do you need our letters in large print?",
            null, ContactItemKind.YesNo),
        new("interpreter", nameof(ContactSnapshot.InterpreterLanguage), "Interpreter", "Which language do you need an interpreter for?",
            "Leave it empty if you do not need an interpreter.", ContactItemKind.ShortText, 100),
        new("hearing-or-sight", nameof(ContactSnapshot.HearingOrSightNeeds), "Hearing or sight needs", "Tell us about any hearing or sight needs",
            "For example, you use British Sign Language or a text relay service. Leave it empty if you have none.", ContactItemKind.LongText, 500),
        new("advocate", nameof(ContactSnapshot.Advocate), "Someone who speaks for you", "Does someone speak to us for you?",
            "Their name and how they are connected to you, for example \"Jo Smith, my daughter\". Leave it empty if no one does.", ContactItemKind.ShortText, 200),
    ];

    public static ContactItem? Find(string slug) => All.FirstOrDefault(i => i.Slug == slug);

    public static ContactItem ForField(string field) => All.Single(i => i.Field == field);

    public static string MethodName(ContactMethod method) => method switch
    {
        ContactMethod.Email => "Email",
        ContactMethod.Text => "Text message",
        ContactMethod.Phone => "Phone call",
        _ => "Letter",
    };
}
