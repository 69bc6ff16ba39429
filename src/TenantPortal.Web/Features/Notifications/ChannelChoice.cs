using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Notifications;

/// <summary>What the tenant's contact record says about reaching them (from <see cref="Tenant"/>; phones in E.164).</summary>
public sealed record ContactPreferences(ContactMethod Preferred, bool AgreesToEmails, bool AgreesToTexts, string? Email, string? MobilePhone)
{
    public bool CanEmail => AgreesToEmails && !string.IsNullOrWhiteSpace(Email);

    public bool CanText => AgreesToTexts && !string.IsNullOrWhiteSpace(MobilePhone);
}

/// <summary>The one rule for how a message about the home reaches a tenant:
/// 1. the way they prefer, if they agreed to it ("Emails about your home: Yes", "Texts about your home: Yes") and we
///    hold the address or mobile number; a tenant who prefers letters gets letters;
/// 2. otherwise the next way they agreed to: email, then text (a tenant who prefers phone calls: we can't phone
///    automatically, so the same);
/// 3. otherwise a letter, which needs no consent.
/// Account and security messages don't come here: they always go by email to the sign-in address.</summary>
public static class ChannelChoice
{
    public static MessageChannel Choose(ContactPreferences p) => p.Preferred switch
    {
        ContactMethod.Email when p.CanEmail => MessageChannel.Email,
        ContactMethod.Text when p.CanText => MessageChannel.Text,
        ContactMethod.Letter => MessageChannel.Letter,
        _ when p.CanEmail => MessageChannel.Email,
        _ when p.CanText => MessageChannel.Text,
        _ => MessageChannel.Letter,
    };

    /// <summary>For the appointment reminder (the afternoon before): a text when they agreed to texts, else an email
    /// when they agreed to emails; a letter would arrive after the visit, so none.</summary>
    public static MessageChannel? ChooseForReminder(ContactPreferences p) =>
        p.CanText ? MessageChannel.Text : p.CanEmail && p.Preferred != ContactMethod.Letter ? MessageChannel.Email : null;
}
