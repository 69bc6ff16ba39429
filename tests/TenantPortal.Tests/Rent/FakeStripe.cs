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
/// (form parameters and headers) and answers like Stripe, including its idempotency rule: a key seen before with the
/// same request replays the first answer; the same key with a different body (or endpoint) is a 400
/// idempotency_error, as the real API answers. Session, payment intent and refund states are set by the test.</summary>
public sealed class FakeStripe : HttpMessageHandler
{
    public const string SecretKey = "sk_test_fake";
    public const string PublishableKey = "pk_test_fake";
    public const string WebhookSecret = "whsec_test_fake_secret";

    private readonly ConcurrentDictionary<string, (string Endpoint, string Body, Lazy<(HttpStatusCode Status, string Json)> Answer)> idempotent = new();
    private int sessions;
    private int refunds;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>What GET /v1/checkout/sessions/{id} returns: by session id.</summary>
    public ConcurrentDictionary<string, (string Status, string PaymentStatus, string? PaymentIntent, long Amount)> SessionStates { get; } = new();

    /// <summary>How each session was created: client reference, ui mode ("embedded_page" or hosted).</summary>
    public ConcurrentDictionary<string, (string? ClientReference, bool Embedded)> SessionModes { get; } = new();

    /// <summary>GET /v1/payment_intents/{id}: status and amount received.</summary>
    public ConcurrentDictionary<string, (string Status, long AmountReceived)> PaymentIntents { get; } = new();

    /// <summary>Refunds made through the API (or set by the test, as if made in Stripe's dashboard).</summary>
    public ConcurrentDictionary<string, (string PaymentIntent, long Amount, string Status, string? PortalRefundId)> Refunds { get; } = new();

    /// <summary>The status a new refund has (card refunds are usually "pending" at first, then "succeeded").</summary>
    public string NewRefundStatus { get; set; } = "pending";

    /// <summary>Objects come back with this livemode (a test can make "Stripe" answer with live objects).</summary>
    public bool Livemode { get; set; }

    public static PortalAppFactory CreateFactory(FakeStripe stripe, bool bacs = false, int timeoutSeconds = 10, Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        var all = new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = SecretKey,
            ["Stripe:PublishableKey"] = PublishableKey,
            ["Stripe:WebhookSecret"] = WebhookSecret,
            ["Stripe:EnableBacsDebit"] = bacs ? "true" : "false",
            ["Stripe:TimeoutSeconds"] = timeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["Payments:RunReconciliation"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new PortalAppFactory(
            s =>
            {
                s.AddHttpClient(PaymentsFeature.StripeHttpClient).ConfigurePrimaryHttpMessageHandler(() => stripe);
                services?.Invoke(s);
            },
            all,
            environment);
    }

    /// <summary>Set by a test to make Stripe unreachable (connection refused), hang until the client gives up, or do
    /// the work and lose the answer (the connection drops after Stripe acted).</summary>
    public StripeOutage Outage { get; set; }

    public void Paid(string sessionId, string paymentIntent, long amount) => SessionStates[sessionId] = ("complete", "paid", paymentIntent, amount);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = QueryHelpers.ParseQuery(body).ToDictionary(k => k.Key, k => k.Value.ToString());
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, form,
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null,
            request.Headers.Authorization?.ToString(), body);
        Requests.Enqueue(recorded);
        switch (Outage)
        {
            case StripeOutage.Unreachable:
                throw new HttpRequestException("Connection refused (api.stripe.com:443)");
            case StripeOutage.Hanging:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }

        var endpoint = request.Method.Method + " " + request.RequestUri.AbsolutePath;
        (HttpStatusCode Status, string Json) answer;
        if (request.Method == HttpMethod.Post && recorded.IdempotencyKey is { } key)
        {
            var entry = idempotent.GetOrAdd(key, _ => (endpoint, body, new Lazy<(HttpStatusCode, string)>(() => Handle(request, form))));
            answer = entry.Endpoint == endpoint && entry.Body == body
                ? entry.Answer.Value
                : (HttpStatusCode.BadRequest, Error("idempotency_error",
                    $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request."));
        }
        else
        {
            answer = Handle(request, form);
        }

        if (Outage == StripeOutage.AnswerLost)
        {
            throw new HttpRequestException("The response ended prematurely.");
        }

        var response = new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Json, Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("Request-Id", "req_fake_" + Guid.NewGuid().ToString("N")[..12]);
        return response;
    }

    private (HttpStatusCode, string) Handle(HttpRequestMessage request, Dictionary<string, string> form)
    {
        var path = request.RequestUri!.AbsolutePath;
        const string sessionsPath = "/v1/checkout/sessions";
        if (request.Method == HttpMethod.Post && path == sessionsPath)
        {
            var id = $"cs_test_{Interlocked.Increment(ref sessions)}_{form.GetValueOrDefault("client_reference_id")?[..8]}";
            SessionStates.TryAdd(id, ("open", "unpaid", null, long.Parse(form["line_items[0][price_data][unit_amount]"], CultureInfo.InvariantCulture)));
            SessionModes[id] = (form.GetValueOrDefault("client_reference_id"), form.GetValueOrDefault("ui_mode") == "embedded_page");
            return Ok(SessionJson(id));
        }

        if (path.StartsWith(sessionsPath + "/", StringComparison.Ordinal))
        {
            var rest = path[(sessionsPath.Length + 1)..];
            var expire = rest.EndsWith("/expire", StringComparison.Ordinal);
            var id = expire ? rest[..^"/expire".Length] : rest;
            if (!SessionStates.TryGetValue(id, out var state))
            {
                return (HttpStatusCode.NotFound, Error("invalid_request_error", $"No such checkout.session: '{id}'"));
            }

            if (request.Method == HttpMethod.Post && expire)
            {
                if (state.Status != "open")
                {
                    return (HttpStatusCode.BadRequest, Error("invalid_request_error", "Only Checkout Sessions with a status in [\"open\"] can be expired."));
                }

                SessionStates[id] = ("expired", state.PaymentStatus, state.PaymentIntent, state.Amount);
            }

            return Ok(SessionJson(id));
        }

        if (request.Method == HttpMethod.Get && path.StartsWith("/v1/payment_intents/", StringComparison.Ordinal))
        {
            var id = path["/v1/payment_intents/".Length..];
            return PaymentIntents.TryGetValue(id, out var pi)
                ? Ok(new JsonObject { ["id"] = id, ["object"] = "payment_intent", ["status"] = pi.Status, ["amount_received"] = pi.AmountReceived, ["livemode"] = Livemode, ["payment_method_types"] = new JsonArray("bacs_debit") })
                : (HttpStatusCode.NotFound, Error("invalid_request_error", $"No such payment_intent: '{id}'"));
        }

        if (request.Method == HttpMethod.Post && path == "/v1/refunds")
        {
            var id = $"re_test_{Interlocked.Increment(ref refunds)}";
            Refunds[id] = (form["payment_intent"], long.Parse(form["amount"], CultureInfo.InvariantCulture), NewRefundStatus, form.GetValueOrDefault("metadata[portal_refund_id]"));
            return Ok(RefundJson(id));
        }

        if (request.Method == HttpMethod.Get && path.StartsWith("/v1/refunds/", StringComparison.Ordinal))
        {
            var id = path["/v1/refunds/".Length..];
            return Refunds.ContainsKey(id) ? Ok(RefundJson(id)) : (HttpStatusCode.NotFound, Error("invalid_request_error", $"No such refund: '{id}'"));
        }

        if (request.Method == HttpMethod.Get && path == "/v1/refunds")
        {
            var pi = QueryHelpers.ParseQuery(request.RequestUri.Query).GetValueOrDefault("payment_intent").ToString();
            var data = new JsonArray(Refunds.Where(r => r.Value.PaymentIntent == pi).Select(r => (JsonNode)RefundJson(r.Key)).ToArray());
            return Ok(new JsonObject { ["object"] = "list", ["has_more"] = false, ["url"] = "/v1/refunds", ["data"] = data });
        }

        return (HttpStatusCode.NotFound, Error("invalid_request_error", "Not faked"));
    }

    private JsonObject SessionJson(string id)
    {
        var state = SessionStates[id];
        var mode = SessionModes.GetValueOrDefault(id);
        var json = Session(id, mode.ClientReference, state.Status, state.PaymentStatus, state.PaymentIntent, state.Amount, mode.Embedded);
        json["livemode"] = Livemode;
        return json;
    }

    public JsonObject RefundJson(string id)
    {
        var r = Refunds[id];
        return StripeWebhook.Refund(id, r.PaymentIntent, r.Amount, r.Status, r.PortalRefundId, Livemode);
    }

    private static string Error(string type, string message) => new JsonObject
    {
        ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
    }.ToJsonString();

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
        ["livemode"] = false,
        ["ui_mode"] = embedded ? "embedded_page" : "hosted_page",
        ["payment_method_types"] = new JsonArray("card"),
        ["client_secret"] = embedded ? id + "_secret_abc" : null,
        ["url"] = embedded || status != "open" ? null : "https://checkout.stripe.com/c/pay/" + id,
    };

    private static (HttpStatusCode, string) Ok(JsonNode node) => (HttpStatusCode.OK, node.ToJsonString());
}

public sealed record RecordedRequest(string Method, string Path, Dictionary<string, string> Form, string? IdempotencyKey, string? Authorization, string Body);

/// <summary>Stripe's webhook signing, done the way Stripe does it: v1 = HMAC-SHA256 of "{timestamp}.{payload}".</summary>
public static class StripeWebhook
{
    /// <summary>Stripe stamps events and signatures with the real time, and the app checks a signature's age against
    /// the real time too (replay protection is about the world's clock, not the app's business clock), so this is the
    /// one place the tests read the system clock for Stripe.</summary>
    public static long RealNow => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    public static string Event(string id, string type, JsonObject dataObject, bool livemode = false) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = "2026-10-28.endive",
        ["created"] = RealNow,
        ["livemode"] = livemode,
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

    /// <summary>A refund object (refund.created / refund.updated / refund.failed, and inside charge.refunded).</summary>
    public static JsonObject Refund(string id, string paymentIntent, long amount, string status, string? portalRefundId = null, bool livemode = false) => new()
    {
        ["id"] = id,
        ["object"] = "refund",
        ["amount"] = amount,
        ["currency"] = "gbp",
        ["status"] = status,
        ["payment_intent"] = paymentIntent,
        ["failure_reason"] = status == "failed" ? "expired_or_canceled_card" : null,
        ["livemode"] = livemode,
        ["metadata"] = portalRefundId is null ? new JsonObject() : new JsonObject { ["portal_refund_id"] = portalRefundId },
    };

    /// <summary>A dispute object (charge.dispute.created / updated / closed / funds_withdrawn / funds_reinstated).</summary>
    public static JsonObject Dispute(string id, string paymentIntent, long amount, string status, string reason = "fraudulent") => new()
    {
        ["id"] = id,
        ["object"] = "dispute",
        ["amount"] = amount,
        ["currency"] = "gbp",
        ["charge"] = "ch_" + paymentIntent,
        ["payment_intent"] = paymentIntent,
        ["status"] = status,
        ["reason"] = reason,
        ["livemode"] = false,
    };

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

    /// <summary>Stripe does the work, then the connection drops before the answer arrives.</summary>
    AnswerLost,
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
