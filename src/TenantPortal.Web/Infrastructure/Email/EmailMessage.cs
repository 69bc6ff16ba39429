namespace TenantPortal.Web.Infrastructure.Email;

/// <summary>A short plain-text email in the landlord's name.</summary>
public sealed record EmailMessage(string To, string Subject, string Body)
{
    /// <summary>The Message-Id to send it with (the outbox's <c>outbox-{id}.{random}@host</c>, so a bounce that comes
    /// back later finds its message); null lets MimeKit make one.</summary>
    public string? MessageId { get; init; }
}
