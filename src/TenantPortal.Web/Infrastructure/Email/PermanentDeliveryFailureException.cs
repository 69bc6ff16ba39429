namespace TenantPortal.Web.Infrastructure.Email;

/// <summary>The provider said this message can never be delivered (an invalid or unknown number, an address the mail
/// server refuses). The outbox stops retrying it and records the failure on the tenant's record.</summary>
public sealed class PermanentDeliveryFailureException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>A short reason without personal data, e.g. "Twilio 21211: not a valid phone number".</summary>
    public string Reason => Message;
}
