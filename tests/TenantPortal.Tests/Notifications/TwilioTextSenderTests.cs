using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Infrastructure.Email;
using TenantPortal.Web.Infrastructure.Texts;

namespace TenantPortal.Tests.Notifications;

/// <summary>Twilio through its own client (Twilio) over a fake handler: the exact request (URL with the account SID,
/// basic auth with SID and token, the form body) and Twilio's real answers, errors included.</summary>
public sealed class TwilioTextSenderTests : IDisposable
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "test-only-auth-token";

    private readonly FakeTextProvider twilio = new()
    {
        Answer = $$"""
            {"account_sid":"{{AccountSid}}","api_version":"2010-04-01","body":"Northgate Homes: hello","date_created":"Tue, 10 Nov 2026 10:00:00 +0000",
             "date_sent":null,"date_updated":"Tue, 10 Nov 2026 10:00:00 +0000","direction":"outbound-api","error_code":null,"error_message":null,
             "from":"+447700900000","messaging_service_sid":null,"num_media":"0","num_segments":"1","price":null,"price_unit":"GBP",
             "sid":"SM0123456789abcdef0123456789abcdef","status":"queued","subresource_uris":{"media":"/2010-04-01/Accounts/{{AccountSid}}/Messages/SM0123456789abcdef0123456789abcdef/Media.json"},
             "to":"+447700900123","uri":"/2010-04-01/Accounts/{{AccountSid}}/Messages/SM0123456789abcdef0123456789abcdef.json"}
            """,
    };

    [Fact]
    public async Task A_text_is_posted_to_the_accounts_messages_with_basic_auth_and_to_from_and_body_as_a_form()
    {
        var sid = await Sender().SendAsync(new TextMessage("+447700900123", "Northgate Homes: hello & more", 42), CancellationToken.None);

        Assert.Equal("SM0123456789abcdef0123456789abcdef", sid);

        var request = Assert.Single(twilio.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages.json", request.Url.ToString());
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")), request.Authorization);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal("+447700900123", form["To"].ToString());
        Assert.Equal("+447700900000", form["From"].ToString());
        Assert.Equal("Northgate Homes: hello & more", form["Body"].ToString());
        Assert.Equal($"{NotificationTestData.PublicBaseUrl}/callbacks/twilio/status?outbox=42", form["StatusCallback"].ToString());
    }

    [Theory]
    [InlineData(21211, "Invalid 'To' Phone Number: +44770090XXXX")]
    [InlineData(21610, "Attempt to send to unsubscribed recipient")]
    [InlineData(21614, "'To' number is not a valid mobile number")]
    public async Task A_number_Twilio_refuses_is_a_permanent_failure_with_its_error_code(int code, string message)
    {
        twilio.Status = HttpStatusCode.BadRequest;
        twilio.Answer = $$"""{"code":{{code}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":400}""";

        var failure = await Assert.ThrowsAsync<PermanentDeliveryFailureException>(() =>
            Sender().SendAsync(new TextMessage("+447700900123", "Hello", 7), CancellationToken.None));

        Assert.Equal($"Twilio refused it: error {code}", failure.Reason);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, 20429, "Too Many Requests")]
    [InlineData(HttpStatusCode.InternalServerError, 20500, "Internal Server Error")]
    [InlineData(HttpStatusCode.Unauthorized, 20003, "Authenticate")]
    public async Task A_Twilio_outage_or_rate_limit_is_not_permanent_so_the_outbox_retries(HttpStatusCode status, int code, string message)
    {
        twilio.Status = status;
        twilio.Answer = $$"""{"code":{{code}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{(int)status}}}""";

        var error = await Record.ExceptionAsync(() => Sender().SendAsync(new TextMessage("+447700900123", "Hello", 7), CancellationToken.None));

        Assert.NotNull(error);
        Assert.IsNotType<PermanentDeliveryFailureException>(error);
    }

    [Fact]
    public async Task With_a_messaging_service_the_text_names_the_service_instead_of_a_number()
    {
        await Sender(messagingService: "MG0123456789abcdef0123456789abcdef").SendAsync(new TextMessage("+447700900123", "Hello", 42), CancellationToken.None);

        var form = QueryHelpers.ParseQuery(Assert.Single(twilio.Requests).Body);
        Assert.Equal("MG0123456789abcdef0123456789abcdef", form["MessagingServiceSid"].ToString());
        Assert.False(form.ContainsKey("From"));
    }

    private TwilioTextSender Sender(string? messagingService = null) => new(twilio.Factory, Options.Create(new TextOptions
    {
        Provider = "Twilio",
        TwilioAccountSid = AccountSid,
        TwilioAuthToken = AuthToken,
        TwilioFrom = "+447700900000",
        TwilioMessagingServiceSid = messagingService,
    }), new TenantPortal.Web.Infrastructure.Web.PublicLinks(Options.Create(new TenantPortal.Web.Features.Account.AccountOptions { PublicBaseUrl = NotificationTestData.PublicBaseUrl })));

    public void Dispose() => twilio.Dispose();
}
