using Microsoft.Extensions.Options;
using Notify.Client;
using Notify.Exceptions;
using TenantPortal.Web.Infrastructure.Email;

namespace TenantPortal.Web.Infrastructure.Texts;

/// <summary>Texts and letters through GOV.UK Notify (councils), with the official client over the named HttpClient
/// <see cref="TextsFeature.NotifyHttpClient"/>. Notify answers 400 for a number it will never deliver to (not a UK
/// mobile, too short) and for a letter address it can't post to: those are permanent failures; anything else
/// (403 a wrong key, 429 too many requests, 5xx) is retried by the outbox with back-off.</summary>
public sealed class GovukNotifyTextSender(IHttpClientFactory http, IOptions<TextOptions> options) : ITextSender, ILetterSender
{
    public async Task<string?> SendAsync(TextMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var personalisation = new Dictionary<string, dynamic> { ["body"] = message.Text };
        return await CallAsync(async () => (await Client().SendSmsAsync(message.To, o.NotifySmsTemplateId, personalisation, ClientReference(message.OutboxId),
            string.IsNullOrWhiteSpace(o.NotifySmsSenderId) ? null : o.NotifySmsSenderId)).id);
    }

    public async Task<string?> SendAsync(LetterMessage message, CancellationToken ct)
    {
        var personalisation = new Dictionary<string, dynamic>();
        var lines = message.AddressLines.Take(7).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            personalisation[$"address_line_{i + 1}"] = lines[i];
        }

        personalisation["heading"] = message.Heading;
        personalisation["body"] = message.Body;
        return await CallAsync(async () => (await Client().SendLetterAsync(options.Value.NotifyLetterTemplateId, personalisation, ClientReference(message.OutboxId))).id);
    }

    private NotificationClient Client() =>
        new(new HttpClientWrapper(http.CreateClient(TextsFeature.NotifyHttpClient)), options.Value.NotifyApiKey);

    /// <summary>The reference Notify keeps with the message and sends back in its delivery-status callbacks.</summary>
    public static string ClientReference(long outboxId) => $"outbox-{outboxId}";

    private static async Task<string?> CallAsync(Func<Task<string?>> call)
    {
        try
        {
            return await call();
        }
        catch (NotifyClientException ex) when (ex.Message.Contains("Status code 400", StringComparison.Ordinal))
        {
            // The message names the field ("phone_number Not a UK mobile number"), never the number itself.
            throw new PermanentDeliveryFailureException($"GOV.UK Notify refused it: {ValidationMessage(ex.Message)}", ex);
        }
    }

    private static string ValidationMessage(string notifyMessage)
    {
        var start = notifyMessage.IndexOf("\"message\":", StringComparison.Ordinal);
        if (start < 0)
        {
            return "validation error";
        }

        var text = notifyMessage[(start + 10)..].TrimStart().TrimStart('"');
        var end = text.IndexOf('"', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
