using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Features.Payments;

namespace TenantPortal.Tests.Rent;

/// <summary>Stripe's API as an HttpMessageHandler under the named "Stripe" HttpClient: records every request
/// (form parameters and headers) and answers like Stripe. Session states are set by the test.</summary>
public sealed class FakeStripe : HttpMessageHandler
{
    public const string SecretKey = "sk_test_fake";
    public const string PublishableKey = "pk_test_fake";
    public const string WebhookSecret = "whsec_test_fake_secret";

    private readonly ConcurrentDictionary<string, string> sessionsByIdempotencyKey = new();
    private int sessions;
    private int refunds;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>What GET /v1/checkout/sessions/{id} returns: by session id.</summary>
    public ConcurrentDictionary<string, (string Status, string PaymentStatus, string? PaymentIntent, long Amount)> SessionStates { get; } = new();

    public static PortalAppFactory CreateFactory(FakeStripe stripe, bool bacs = false, int timeoutSeconds = 10, Action<IServiceCollection>? services = null) => new(
        s =>
        {
            s.AddHttpClient(PaymentsFeature.StripeHttpClient).ConfigurePrimaryHttpMessageHandler(() => stripe);
            services?.Invoke(s);
        },
        new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = SecretKey,
            ["Stripe:PublishableKey"] = PublishableKey,
            ["Stripe:WebhookSecret"] = WebhookSecret,
            ["Stripe:EnableBacsDebit"] = bacs ? "true" : "false",
            ["Stripe:TimeoutSeconds"] = timeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["Payments:RunReconciliation"] = "false",
        });

    /// <summary>Set by a test to make Stripe unreachable (connection refused) or hang until the client gives up.</summary>
    public StripeOutage Outage { get; set; }

    public void Paid(string sessionId, string paymentIntent, long amount) => SessionStates[sessionId] = ("complete", "paid", paymentIntent, amount);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = QueryHelpers.ParseQuery(body).ToDictionary(k => k.Key, k => k.Value.ToString());
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, form,
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null,
            request.Headers.Authorization?.ToString());
        Requests.Enqueue(recorded);
        switch (Outage)
        {
            case StripeOutage.Unreachable:
                throw new HttpRequestException("Connection refused (api.stripe.com:443)");
            case StripeOutage.Hanging:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }

        var path = request.RequestUri.AbsolutePath;
        if (request.Method == HttpMethod.Post && path == "/v1/checkout/sessions")
        {
            // Like Stripe, a repeated idempotency key replays the first result instead of creating another session.
            string NewId() => $"cs_test_{Interlocked.Increment(ref sessions)}_{form.GetValueOrDefault("client_reference_id")?[..8]}";
            var id = recorded.IdempotencyKey is { } key ? sessionsByIdempotencyKey.GetOrAdd(key, _ => NewId()) : NewId();
            SessionStates.TryAdd(id, ("open", "unpaid", null, long.Parse(form["line_items[0][price_data][unit_amount]"], CultureInfo.InvariantCulture)));
            return Json(Session(id, form.GetValueOrDefault("client_reference_id"), "open", "unpaid", null, 0,
                form.GetValueOrDefault("ui_mode") == "embedded_page"));
        }

        if (request.Method == HttpMethod.Get && path.StartsWith("/v1/checkout/sessions/", StringComparison.Ordinal))
        {
            var id = path["/v1/checkout/sessions/".Length..];
            if (!SessionStates.TryGetValue(id, out var state))
            {
                return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"error":{"type":"invalid_request_error","message":"No such session"}}""") };
            }

            return Json(Session(id, null, state.Status, state.PaymentStatus, state.PaymentIntent, state.Amount, false));
        }

        if (request.Method == HttpMethod.Post && path == "/v1/refunds")
        {
            var id = $"re_test_{Interlocked.Increment(ref refunds)}";
            return Json(new JsonObject { ["id"] = id, ["object"] = "refund", ["amount"] = long.Parse(form["amount"], CultureInfo.InvariantCulture), ["status"] = "pending", ["payment_intent"] = form["payment_intent"] });
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"error":{"type":"invalid_request_error","message":"Not faked"}}""") };
    }

    public static JsonObject Session(string id, string? clientReference, string status, string paymentStatus, string? paymentIntent, long amount, bool embedded) => new()
    {
        ["id"] = id,
        ["object"] = "checkout.session",
        ["client_reference_id"] = clientReference,
        ["status"] = status,
        ["payment_status"] = paymentStatus,
        ["payment_intent"] = paymentIntent,
        ["amount_total"] = amount,
        ["currency"] = "gbp",
        ["mode"] = "payment",
        ["payment_method_types"] = new JsonArray("card"),
        ["client_secret"] = embedded ? id + "_secret_abc" : null,
        ["url"] = embedded ? null : "https://checkout.stripe.com/c/pay/" + id,
    };

    private static HttpResponseMessage Json(JsonNode node) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"),
    };
}

public sealed record RecordedRequest(string Method, string Path, Dictionary<string, string> Form, string? IdempotencyKey, string? Authorization);

/// <summary>Stripe's webhook signing, done the way Stripe does it: v1 = HMAC-SHA256 of "{timestamp}.{payload}".</summary>
public static class StripeWebhook
{
    /// <summary>Stripe stamps events and signatures with the real time, and the app checks a signature's age against
    /// the real time too (replay protection is about the world's clock, not the app's business clock), so this is the
    /// one place the tests read the system clock for Stripe.</summary>
    public static long RealNow => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    public static string Event(string id, string type, JsonObject dataObject) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = "2026-10-28.endive",
        ["created"] = RealNow,
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = dataObject },
    }.ToJsonString();

    public static string Sign(string payload, string secret = FakeStripe.WebhookSecret, long? timestamp = null)
    {
        var t = timestamp ?? RealNow;
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string payload, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/stripe", UriKind.Relative))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? Sign(payload));
        return await client.SendAsync(request);
    }

    public static JsonObject Completed(string sessionId, Guid attemptId, string paymentIntent, long amount, string paymentStatus = "paid") =>
        FakeStripe.Session(sessionId, attemptId.ToString(), "complete", paymentStatus, paymentIntent, amount, false);

    public static JsonObject Expired(string sessionId, Guid attemptId) =>
        FakeStripe.Session(sessionId, attemptId.ToString(), "expired", "unpaid", null, 0, false);

    public static JsonObject RefundedCharge(string paymentIntent, params (string Id, long Amount)[] refunds) => new()
    {
        ["id"] = "ch_" + paymentIntent,
        ["object"] = "charge",
        ["payment_intent"] = paymentIntent,
        ["amount_refunded"] = refunds.Sum(r => r.Amount),
        ["refunds"] = new JsonObject
        {
            ["object"] = "list",
            ["has_more"] = false,
            ["data"] = new JsonArray(refunds.Select(r => (JsonNode)new JsonObject { ["id"] = r.Id, ["object"] = "refund", ["amount"] = r.Amount, ["status"] = "succeeded", ["payment_intent"] = paymentIntent }).ToArray()),
        },
    };
}

/// <summary>The tenant's journey up to Stripe, as a browser without JavaScript does it.</summary>
public enum StripeOutage
{
    None,
    Unreachable,
    Hanging,
}

public static class PayJourney
{
    /// <summary>Enters the amount and returns the attempt id from the "check your payment" redirect.</summary>
    public static async Task<Guid> ChooseAmountAsync(HttpClient client, string amount)
    {
        var response = await client.SubmitFormAsync("/rent/pay", new Dictionary<string, string> { ["Form.Amount"] = amount });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/rent/pay/check?attempt=", location, StringComparison.Ordinal);
        return Guid.Parse(location["/rent/pay/check?attempt=".Length..]);
    }

    public static async Task<HttpResponseMessage> PayAsync(HttpClient client, Guid attempt, IDictionary<string, string>? extra = null) =>
        await client.SubmitFormAsync($"/rent/pay/check?attempt={attempt}", extra ?? new Dictionary<string, string>());
}
