using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Infrastructure.Email;
using TenantPortal.Web.Infrastructure.Texts;

namespace TenantPortal.Tests.Notifications;

/// <summary>GOV.UK Notify through its own .NET client (GovukNotify) over a fake handler: the exact request (URL, the
/// JWT bearer token signed with the key's secret, the JSON body) and Notify's real answers, errors included.</summary>
public sealed class GovukNotifyTextSenderTests : IDisposable
{
    private const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    private const string Secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    private const string ApiKey = "portal_test-" + ServiceId + "-" + Secret;
    private const string SmsTemplate = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    private const string LetterTemplate = "b2f6a7f0-5bd1-4c3a-9c27-2a4c4a3e8f10";

    private readonly FakeTextProvider notify = new()
    {
        Answer = """
            {"id":"740e5834-3a29-46b4-9a6f-16142fde533a","reference":"outbox-42","content":{"body":"Northgate Homes: hello","from_number":"GOVUK"},
             "uri":"https://api.notifications.service.gov.uk/v2/notifications/740e5834-3a29-46b4-9a6f-16142fde533a",
             "template":{"id":"f33517ff-2a88-4f6e-b855-c550268ce08a","version":1,"uri":"https://api.notifications.service.gov.uk/v2/template/f33517ff-2a88-4f6e-b855-c550268ce08a"}}
            """,
    };

    [Fact]
    public async Task A_text_is_posted_to_Notify_with_a_signed_token_the_template_and_the_words_as_personalisation()
    {
        var sender = Sender();

        var id = await sender.SendAsync(new TextMessage("+447700900123", "Northgate Homes: hello", 42), CancellationToken.None);

        Assert.Equal("740e5834-3a29-46b4-9a6f-16142fde533a", id);
        var request = Assert.Single(notify.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://api.notifications.service.gov.uk/v2/notifications/sms", request.Url.ToString());
        AssertSignedToken(request.Authorization);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("+447700900123", (string?)body["phone_number"]);
        Assert.Equal(SmsTemplate, (string?)body["template_id"]);
        Assert.Equal("Northgate Homes: hello", (string?)body["personalisation"]!["body"]);
        Assert.Equal("outbox-42", (string?)body["reference"]);
    }

    [Fact]
    public async Task A_number_Notify_refuses_is_a_permanent_failure_that_names_the_field_not_the_number()
    {
        notify.Status = HttpStatusCode.BadRequest;
        notify.Answer = """{"errors":[{"error":"ValidationError","message":"phone_number Not a UK mobile number"}],"status_code":400}""";

        var failure = await Assert.ThrowsAsync<PermanentDeliveryFailureException>(() =>
            Sender().SendAsync(new TextMessage("+447700900123", "Hello", 7), CancellationToken.None));

        Assert.Equal("GOV.UK Notify refused it: phone_number Not a UK mobile number", failure.Reason);
        Assert.DoesNotContain("7700900123", failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, """{"errors":[{"error":"Exception","message":"Internal server error"}],"status_code":500}""")]
    [InlineData(HttpStatusCode.TooManyRequests, """{"errors":[{"error":"RateLimitError","message":"Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds"}],"status_code":429}""")]
    public async Task A_Notify_outage_or_rate_limit_is_not_permanent_so_the_outbox_retries(HttpStatusCode status, string answer)
    {
        notify.Status = status;
        notify.Answer = answer;

        var error = await Record.ExceptionAsync(() => Sender().SendAsync(new TextMessage("+447700900123", "Hello", 7), CancellationToken.None));

        Assert.NotNull(error);
        Assert.IsNotType<PermanentDeliveryFailureException>(error);
    }

    [Fact]
    public async Task A_letter_goes_to_Notify_letter_api_with_the_address_lines_heading_and_body()
    {
        notify.Answer = """
            {"id":"740e5834-3a29-46b4-9a6f-16142fde533a","reference":"outbox-9","content":{"body":"Dear Alex","subject":"Repair R2026-00001"},
             "uri":"https://api.notifications.service.gov.uk/v2/notifications/740e5834-3a29-46b4-9a6f-16142fde533a",
             "template":{"id":"b2f6a7f0-5bd1-4c3a-9c27-2a4c4a3e8f10","version":1,"uri":"https://api.notifications.service.gov.uk/v2/template/b2f6a7f0-5bd1-4c3a-9c27-2a4c4a3e8f10"},
             "scheduled_for":null}
            """;

        await Sender().SendAsync(new LetterMessage("Mx Alex Morgan\n12 Elm Road\nNorthgate\nNG1 2AB", "Repair R2026-00001", "Dear Alex", 9), CancellationToken.None);

        var request = Assert.Single(notify.Requests);
        Assert.Equal("https://api.notifications.service.gov.uk/v2/notifications/letter", request.Url.ToString());
        AssertSignedToken(request.Authorization);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(LetterTemplate, (string?)body["template_id"]);
        var p = body["personalisation"]!;
        Assert.Equal(["Mx Alex Morgan", "12 Elm Road", "Northgate", "NG1 2AB"], Enumerable.Range(1, 4).Select(i => (string?)p[$"address_line_{i}"]));
        Assert.Equal("Repair R2026-00001", (string?)p["heading"]);
        Assert.Equal("Dear Alex", (string?)p["body"]);
        Assert.Equal("outbox-9", (string?)body["reference"]);
    }

    private GovukNotifyTextSender Sender() => new(notify.Factory, Options.Create(new TextOptions
    {
        Provider = "GovukNotify",
        NotifyApiKey = ApiKey,
        NotifySmsTemplateId = SmsTemplate,
        NotifyLetterTemplateId = LetterTemplate,
    }));

    /// <summary>Notify's auth: "Bearer" and a JWT (HS256) whose issuer is the service id, signed with the key's secret.</summary>
    private static void AssertSignedToken(string? authorization)
    {
        Assert.NotNull(authorization);
        Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal);
        var parts = authorization["Bearer ".Length..].Split('.');
        Assert.Equal(3, parts.Length);
        var header = JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[0]))!;
        Assert.Equal("HS256", (string?)header["alg"]);
        var payload = JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[1]))!;
        Assert.Equal(ServiceId, (string?)payload["iss"]);
        Assert.True(payload["iat"] is not null);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{parts[0]}.{parts[1]}"));
        Assert.Equal(WebEncoders.Base64UrlEncode(signature), parts[2]);
    }

    public void Dispose() => notify.Dispose();
}
