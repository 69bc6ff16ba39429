using Microsoft.Extensions.Options;
using MimeKit;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Web.Infrastructure.Email;

public sealed class MimeMessageFactory(IOptions<LandlordOptions> landlord)
{
    public MimeMessage Create(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(landlord.Value.Name, landlord.Value.EmailFrom));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        if (message.MessageId is not null)
        {
            mime.MessageId = message.MessageId;
        }

        mime.Body = new TextPart("plain")
        {
            Text = $"{message.Body}\n\n{landlord.Value.Name}\nPhone {landlord.Value.PhoneNumber} ({landlord.Value.OpeningHours})\n",
        };
        return mime;
    }
}
