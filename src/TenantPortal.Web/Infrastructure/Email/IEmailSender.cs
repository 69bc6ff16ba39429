namespace TenantPortal.Web.Infrastructure.Email;

/// <summary>Delivers one email now. Features normally enqueue through <see cref="EmailOutbox"/> instead, so the email
/// is saved in the same transaction as the change it reports.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
