using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Infrastructure.Texts;

namespace TenantPortal.Tests.Notifications;

/// <summary>Texts that fail after the provider accepted them: GOV.UK Notify's delivery-status callback (JSON, bearer
/// token) and Twilio's status callback (form, X-Twilio-Signature) record a permanent failure on the tenant's record as a
/// refusal at send time is; a wrong token or signature records nothing; the same callback twice records once. The
/// payloads are the documented ones (Notify: id, reference, to, status, created_at, completed_at, sent_at,
/// notification_type, template_id, template_version; Twilio: MessageSid, SmsSid, MessageStatus, SmsStatus, ErrorCode,
/// AccountSid, From, To, ApiVersion).</summary>
public sealed class DeliveryCallbackTests : IDisposable
{
    private const string Mobile = "+447700900123";
    private const string Subject = "Your repair R2026-00123 is booked";
    private const string NotifyToken = "notify-callback-token-for-tests";
    private const string NotifyId = "740e5834-3a29-46b4-9a6f-16142fde533a";
    private const string TwilioSid = "SM0123456789abcdef0123456789abcdef";
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "test-only-auth-token";

    private readonly List<PortalAppFactory> apps = [];

    private PortalAppFactory NotifyApp() => App(NotifyId, new Dictionary<string, string?>
    {
        ["Texts:Provider"] = "GovukNotify",
        ["Texts:NotifyApiKey"] = "portal_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0",
        ["Texts:NotifySmsTemplateId"] = "f33517ff-2a88-4f6e-b855-c550268ce08a",
        ["Texts:NotifyCallbackToken"] = NotifyToken,
    });

    private PortalAppFactory TwilioApp() => App(TwilioSid, new Dictionary<string, string?>
    {
        ["Texts:Provider"] = "Twilio",
        ["Texts:TwilioAccountSid"] = AccountSid,
        ["Texts:TwilioAuthToken"] = AuthToken,
        ["Texts:TwilioFrom"] = "+447700900000",
    });

    /// <summary>The app with its text provider at the outer boundary: it accepts each text and answers with its id.</summary>
    private PortalAppFactory App(string providerId, Dictionary<string, string?> settings)
    {
        var texts = new Mock<ITextSender>();
        texts.Setup(t => t.SendAsync(It.IsAny<TextMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(providerId);
        var app = new PortalAppFactory(s => s.AddSingleton(texts.Object), settings);
        apps.Add(app);
        return app;
    }

    private static HttpClient Machine(PortalAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> NotifyCallbackAsync(PortalAppFactory app, long outboxId, string status, string? token = NotifyToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/callbacks/notify/delivery-status")
        {
            Content = new StringContent($$"""
                {"id":"{{NotifyId}}","reference":"outbox-{{outboxId}}","to":"{{Mobile}}","status":"{{status}}",
                 "created_at":"2026-11-10T10:00:00.000000Z","completed_at":"2026-11-10T10:00:05.000000Z","sent_at":"2026-11-10T10:00:01.000000Z",
                 "notification_type":"sms","template_id":"f33517ff-2a88-4f6e-b855-c550268ce08a","template_version":1}
                """, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Machine(app).SendAsync(request);
    }

    private static Task<HttpResponseMessage> TwilioCallbackAsync(PortalAppFactory app, long outboxId, string status, string errorCode, string signWith = AuthToken)
    {
        var path = TwilioTextSender.StatusCallbackPath(outboxId);
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = AccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["ErrorCode"] = errorCode,
            ["From"] = "+447700900000",
            ["MessageSid"] = TwilioSid,
            ["MessageStatus"] = status,
            ["SmsSid"] = TwilioSid,
            ["SmsStatus"] = status,
            ["To"] = Mobile,
        };
        var url = app.Services.GetRequiredService<IOptions<AccountOptions>>().Value.PublicBaseUrl!.TrimEnd('/') + path;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature(signWith, url, fields));
        return Machine(app).SendAsync(request);
    }

    /// <summary>Twilio's documented signature: HMAC-SHA1 with the auth token over the full URL followed by each POST
    /// field's name and value, sorted by name; Base64.</summary>
    private static string TwilioSignature(string authToken, string url, Dictionary<string, string> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

#pragma warning disable CA5350 // Twilio signs with HMAC-SHA1; the test computes what Twilio sends.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    [Fact]
    public Task A_notify_permanent_failure_is_recorded_once_on_the_tenants_record_however_often_it_is_sent() =>
        RecordedOnceAsync(NotifyApp(), NotifyId, (app, id) => NotifyCallbackAsync(app, id, "permanent-failure"),
            "GOV.UK Notify could not deliver it: permanent failure (the number or address does not exist)");

    [Fact]
    public Task A_twilio_undelivered_status_is_recorded_once_on_the_tenants_record_however_often_it_is_sent() =>
        RecordedOnceAsync(TwilioApp(), TwilioSid, (app, id) => TwilioCallbackAsync(app, id, "undelivered", "30003"),
            "Twilio could not deliver it: undelivered (error 30003)");

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-token-set-in-notify")]
    public Task A_notify_callback_without_the_right_bearer_token_is_unauthorised_and_records_nothing(string? token) =>
        RecordsNothingAsync(NotifyApp(), (app, id) => NotifyCallbackAsync(app, id, "permanent-failure", token), HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("delivered")]
    [InlineData("temporary-failure")]
    [InlineData("technical-failure")]
    public Task A_notify_status_other_than_permanent_failure_records_nothing(string status) =>
        RecordsNothingAsync(NotifyApp(), (app, id) => NotifyCallbackAsync(app, id, status), HttpStatusCode.OK);

    [Fact]
    public Task A_twilio_callback_signed_with_another_token_is_forbidden_and_records_nothing() =>
        RecordsNothingAsync(TwilioApp(), (app, id) => TwilioCallbackAsync(app, id, "failed", "30008", signWith: "someone-elses-token"), HttpStatusCode.Forbidden);

    [Fact]
    public Task A_twilio_delivered_status_records_nothing() =>
        RecordsNothingAsync(TwilioApp(), (app, id) => TwilioCallbackAsync(app, id, "delivered", ""), HttpStatusCode.OK);

    [Fact]
    public Task The_notify_callback_is_not_there_when_the_landlord_uses_twilio() =>
        RecordsNothingAsync(TwilioApp(), (app, id) => NotifyCallbackAsync(app, id, "permanent-failure"), HttpStatusCode.NotFound);

    /// <summary>Sends a text, then the callback twice: the failure is recorded by the first, unchanged by the second,
    /// and shown on the tenant's record.</summary>
    private static async Task RecordedOnceAsync(PortalAppFactory app, string providerId, Func<PortalAppFactory, long, Task<HttpResponseMessage>> callback, string reason)
    {
        var text = await DeliveryReportTestData.SentAsync(app, MessageChannel.Text, Mobile, Subject);
        Assert.Equal(providerId, text.ProviderReference);

        var first = await callback(app, text.Id);
        var failedAt = (await DeliveryReportTestData.RowAsync(app, text.Id)).FailedAt;
        var again = await callback(app, text.Id);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull(failedAt);
        var row = await DeliveryReportTestData.RowAsync(app, text.Id);
        Assert.Equal(failedAt, row.FailedAt);
        Assert.Equal(reason, row.LastError);
        var undelivered = await DeliveryReportTestData.UndeliveredOnTenancyPageAsync(app);
        Assert.Contains(Subject, undelivered, StringComparison.Ordinal);
        Assert.Contains(reason, undelivered, StringComparison.Ordinal);
    }

    private static async Task RecordsNothingAsync(PortalAppFactory app, Func<PortalAppFactory, long, Task<HttpResponseMessage>> callback, HttpStatusCode expected)
    {
        var text = await DeliveryReportTestData.SentAsync(app, MessageChannel.Text, Mobile, Subject);

        var response = await callback(app, text.Id);

        Assert.Equal(expected, response.StatusCode);
        Assert.Null((await DeliveryReportTestData.RowAsync(app, text.Id)).FailedAt);
    }

    public void Dispose()
    {
        foreach (var app in apps)
        {
            app.Dispose();
        }
    }
}
