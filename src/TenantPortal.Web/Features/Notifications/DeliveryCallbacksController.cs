using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Email;
using TenantPortal.Web.Infrastructure.Texts;
using TenantPortal.Web.Infrastructure.Web;
using Twilio.Security;

namespace TenantPortal.Web.Features.Notifications;

/// <summary>Delivery-status callbacks from the text providers, so a text (or Notify letter) that fails after it was
/// accepted is recorded as a permanent failure on the tenant's record, like a refusal at send time. Machine callers:
/// no antiforgery token, but each is authenticated (Notify's bearer token, Twilio's X-Twilio-Signature) and answers
/// 401/403 without recording anything otherwise. Recording is a conditional update, so a callback sent twice records
/// once. Plain status codes, never the HTML error pages.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class DeliveryCallbacksController(IOptions<TextOptions> options, LateDeliveryFailures failures, PublicLinks links, ILogger<DeliveryCallbacksController> logger) : ControllerBase
{
    private const int MaxBody = 64 * 1024;

    /// <summary>GOV.UK Notify's delivery receipt: JSON with <c>id</c> (Notify's notification id), <c>reference</c> (our
    /// <c>outbox-{id}</c>), <c>status</c> and <c>notification_type</c>, with <c>Authorization: Bearer</c> the token
    /// set in Notify. Only <c>permanent-failure</c> is recorded (the number or address does not exist);
    /// <c>temporary-failure</c> (phone off, inbox full; Notify has stopped trying) and <c>technical-failure</c>
    /// (Notify's own problem) are logged, and <c>delivered</c> needs nothing.</summary>
    [HttpPost("/callbacks/notify/delivery-status")]
    [RequestSizeLimit(MaxBody)]
    public async Task<IActionResult> Notify(CancellationToken ct)
    {
        DisableStatusPages();
        var token = options.Value.NotifyCallbackToken;
        if (!options.Value.Is("GovukNotify") || string.IsNullOrEmpty(token))
        {
            return NotFound();
        }

        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !SameSecret(header["Bearer ".Length..].Trim(), token))
        {
            return Unauthorized();
        }

        NotifyReceipt? receipt;
        try
        {
            receipt = await JsonSerializer.DeserializeAsync<NotifyReceipt>(Request.Body, JsonSerializerOptions.Web, ct);
        }
        catch (JsonException)
        {
            return BadRequest();
        }

        if (receipt?.Status is not { } status)
        {
            return BadRequest();
        }

        if (status == "permanent-failure")
        {
            var channel = receipt.NotificationType == "letter" ? MessageChannel.Letter : MessageChannel.Text;
            var outboxId = OutboxIdOf(receipt.Reference);
            var id = receipt.Id;
            await failures.RecordAsync(channel, m => (outboxId != null && m.Id == outboxId) || (id != null && m.ProviderReference == id),
                "GOV.UK Notify could not deliver it: permanent failure (the number or address does not exist)", ct);
        }
        else if (status is "temporary-failure" or "technical-failure")
        {
            logger.LogWarning("GOV.UK Notify reported {Status} for outbox {Reference}", status, receipt.Reference);
        }

        return Ok();
    }

    /// <summary>Twilio's status callback (the StatusCallback the sender sets on each message, with our outbox id in the
    /// query): form fields <c>MessageSid</c>, <c>MessageStatus</c>, <c>ErrorCode</c>..., signed in
    /// <c>X-Twilio-Signature</c> with the auth token over the URL Twilio was given (from Accounts:PublicBaseUrl, never
    /// the request's Host) and the fields. <c>failed</c> and <c>undelivered</c> are recorded.</summary>
    [HttpPost("/callbacks/twilio/status")]
    [RequestSizeLimit(MaxBody)]
    public async Task<IActionResult> Twilio([FromQuery] long? outbox, CancellationToken ct)
    {
        DisableStatusPages();
        var authToken = options.Value.TwilioAuthToken;
        if (!options.Value.Is("Twilio") || string.IsNullOrEmpty(authToken))
        {
            return NotFound();
        }

        if (!Request.HasFormContentType)
        {
            return BadRequest();
        }

        var form = await Request.ReadFormAsync(ct);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var url = links.Absolute(Request.Path + Request.QueryString);
        var signature = Request.Headers["X-Twilio-Signature"].ToString();
        if (string.IsNullOrEmpty(signature) || !new RequestValidator(authToken).Validate(url, fields, signature))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        if (status is "failed" or "undelivered" && !string.IsNullOrEmpty(sid))
        {
            var code = form["ErrorCode"].ToString();
            await failures.RecordAsync(MessageChannel.Text,
                m => outbox != null ? m.Id == outbox && (m.ProviderReference == null || m.ProviderReference == sid) : m.ProviderReference == sid,
                $"Twilio could not deliver it: {status}{(string.IsNullOrEmpty(code) ? "" : $" (error {code})")}", ct);
        }

        return Ok();
    }

    private sealed record NotifyReceipt(string? Id, string? Reference, string? Status, [property: System.Text.Json.Serialization.JsonPropertyName("notification_type")] string? NotificationType);

    private static long? OutboxIdOf(string? reference) =>
        reference is not null && reference.StartsWith("outbox-", StringComparison.Ordinal)
            && long.TryParse(reference["outbox-".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private void DisableStatusPages()
    {
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
    }
}
