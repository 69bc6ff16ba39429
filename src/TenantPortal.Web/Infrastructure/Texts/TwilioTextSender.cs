using Microsoft.Extensions.Options;
using TenantPortal.Web.Infrastructure.Email;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TenantPortal.Web.Infrastructure.Texts;

/// <summary>Texts through Twilio (housing associations, which can't use Notify), with the official client over the
/// named HttpClient <see cref="TextsFeature.TwilioHttpClient"/>. Twilio answers 400 with an error code for a number it
/// will never deliver to (21211 not a valid number, 21614 not a mobile, 21610 the person replied STOP, 21408 a region
/// not enabled): permanent failures. 401, 429 and 5xx are retried by the outbox with back-off.</summary>
public sealed class TwilioTextSender(IHttpClientFactory http, IOptions<TextOptions> options, Web.PublicLinks? links = null) : ITextSender
{
    /// <summary>Where Twilio posts the message's status changes (<c>DeliveryCallbacksController</c>); the outbox id in
    /// the query is covered by Twilio's signature.</summary>
    public static string StatusCallbackPath(long outboxId) => $"/callbacks/twilio/status?outbox={outboxId}";

    public async Task<string?> SendAsync(TextMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var client = new TwilioRestClient(o.TwilioAccountSid, o.TwilioAuthToken,
            httpClient: new SystemNetHttpClient(http.CreateClient(TextsFeature.TwilioHttpClient)));
        var create = new CreateMessageOptions(new PhoneNumber(message.To)) { Body = message.Text };
        if (links is not null)
        {
            create.StatusCallback = new Uri(links.Absolute(StatusCallbackPath(message.OutboxId)));
        }

        if (string.IsNullOrWhiteSpace(o.TwilioMessagingServiceSid))
        {
            create.From = new PhoneNumber(o.TwilioFrom);
        }
        else
        {
            create.MessagingServiceSid = o.TwilioMessagingServiceSid;
        }

        try
        {
            return (await MessageResource.CreateAsync(create, client)).Sid;
        }
        catch (ApiException ex) when (ex.Status == 400)
        {
            throw new PermanentDeliveryFailureException($"Twilio refused it: error {ex.Code}", ex);
        }
    }
}
