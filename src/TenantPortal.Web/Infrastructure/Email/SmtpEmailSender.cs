using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace TenantPortal.Web.Infrastructure.Email;

public sealed class SmtpEmailSender(MimeMessageFactory factory, IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var security = o.SmtpSecurity.ToUpperInvariant() switch
        {
            "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
            "NONE" => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost ?? throw new InvalidOperationException("Email:SmtpHost is not set."), o.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(o.SmtpUserName))
        {
            await client.AuthenticateAsync(o.SmtpUserName, o.SmtpPassword ?? "", ct);
        }

        try
        {
            await client.SendAsync(factory.Create(message), ct);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500)
        {
            // 5xx for the recipient (no such mailbox, refused): it will never be delivered. 4xx is retried.
            throw new PermanentDeliveryFailureException($"The mail server refused the address ({(int)ex.StatusCode})", ex);
        }

        await client.DisconnectAsync(quit: true, ct);
    }
}
