namespace TenantPortal.Web.Data.Portal;

/// <summary>How a message reaches a tenant. Emails and texts are sent by the outbox worker; letters are printed by
/// officers ("letters to send") or, with GOV.UK Notify configured for letters, sent through Notify.</summary>
public enum MessageChannel { Email, Text, Letter }

/// <summary>An email, text or letter waiting to be sent. Written in the same transaction as the change it reports, then
/// sent by a background worker that claims rows with a lease.</summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public MessageChannel Channel { get; set; } = MessageChannel.Email;

    /// <summary>An email address, a mobile number in E.164, or a letter's address block (one line per line).</summary>
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>The housing database's Tenants.Id the message is for (messages about the home), so failures show on
    /// the tenant's record; null for account messages.</summary>
    public int? TenantId { get; set; }

    /// <summary>A message that must go once however many instances queue it (the appointment reminder) carries a key
    /// that a unique index keeps single.</summary>
    public string? OnceKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>What the provider knows the message by, so a later delivery report finds it: the email's Message-Id
    /// (<c>outbox-{Id}.{random}@host</c>), Twilio's MessageSid or GOV.UK Notify's notification id.</summary>
    public string? ProviderReference { get; set; }

    /// <summary>Set when the provider said it can never be delivered (an invalid number, a bounced address), at send
    /// time or later (a bounce in the bounce mailbox, a Notify or Twilio delivery-status callback).</summary>
    public DateTime? FailedAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LeaseOwner { get; set; }
}
