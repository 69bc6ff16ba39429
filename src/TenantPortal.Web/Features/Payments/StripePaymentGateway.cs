using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Payments;

/// <summary>Stripe Checkout through Stripe.net's <see cref="IStripeClient"/> (its HTTP goes through the named
/// HttpClient "Stripe", so tests can put a fake handler underneath). Every request that creates something carries
/// an idempotency key and a body built only from what is stored, so a retry is byte-for-byte the same request.</summary>
public sealed class StripePaymentGateway(IStripeClient client, IOptions<StripeOptions> options) : IPaymentGateway
{
    private const string EmbeddedUiMode = "embedded_page";

    public PaymentProvider Provider => PaymentProvider.Stripe;

    /// <summary>One key per attempt and UI mode: the two modes are different requests (different parameters).</summary>
    public static string CheckoutIdempotencyKey(Guid attemptId, string uiMode) => $"tp-checkout-{attemptId:N}-{uiMode}";

    public static string RefundIdempotencyKey(Guid refundId) => $"tp-refund-{refundId:N}";

    public async Task<CheckoutStart> StartCheckoutAsync(PaymentAttempt attempt, CheckoutUrls urls, bool embedded, CancellationToken ct)
    {
        if (attempt.ProviderSessionId is { } existingId)
        {
            // One checkout per attempt: resume it rather than create another that could be paid as well.
            var session = await GetSessionAsync(existingId, ct);
            var state = FromSession(session);
            if (state.Outcome != CheckoutOutcome.Open)
            {
                return new CheckoutStart(session.Id, UiModeOf(session), null, null, state);
            }

            if (session.UiMode != EmbeddedUiMode)
            {
                // A hosted page also serves a browser with JavaScript.
                return new CheckoutStart(session.Id, CheckoutUiModes.Hosted, null, session.Url);
            }

            if (embedded)
            {
                return new CheckoutStart(session.Id, CheckoutUiModes.Embedded, session.ClientSecret, null);
            }

            // Embedded form that did not work here (no JavaScript now, or Stripe.js did not load): close it at Stripe
            // before opening the hosted page, so only one of them can ever be paid.
            var closed = await CancelCheckoutAsync(attempt, ct);
            if (closed.Outcome != CheckoutOutcome.Expired)
            {
                return new CheckoutStart(session.Id, CheckoutUiModes.Embedded, null, null, closed);
            }
        }

        var uiMode = embedded ? CheckoutUiModes.Embedded : CheckoutUiModes.Hosted;
        var expiresAt = (embedded ? attempt.EmbeddedExpiresAt : attempt.HostedExpiresAt)
            ?? throw new InvalidOperationException("The session expiry must be stored before the session is created.");
        var created = await new SessionService(client).CreateAsync(CreateOptions(attempt, urls, embedded, expiresAt),
            new RequestOptions { IdempotencyKey = CheckoutIdempotencyKey(attempt.Id, uiMode) }, ct);
        EnsureLivemode(created.Livemode, "checkout session");
        return new CheckoutStart(created.Id, uiMode, created.ClientSecret, created.Url);
    }

    private SessionCreateOptions CreateOptions(PaymentAttempt attempt, CheckoutUrls urls, bool embedded, DateTime expiresAt)
    {
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            Currency = attempt.Currency,
            ClientReferenceId = attempt.Id.ToString(),
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = attempt.Currency,
                        UnitAmount = Money.ToPence(attempt.Amount),
                        ProductData = new SessionLineItemPriceDataProductDataOptions
                        {
                            Name = "Rent payment",
                            Description = $"Tenancy reference {attempt.TenancyReference}",
                        },
                    },
                },
            ],
            Metadata = Metadata(attempt),
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Description = $"Rent payment {attempt.TenancyReference}",
                Metadata = Metadata(attempt),
            },
            AllowedPaymentMethodTypes = options.Value.EnableBacsDebit ? ["card", "bacs_debit"] : ["card"],
            // Stored with the attempt the first time (never recomputed), so a retry sends the same parameters.
            ExpiresAt = DateTime.SpecifyKind(expiresAt, DateTimeKind.Utc),
        };
        if (embedded)
        {
            create.UiMode = EmbeddedUiMode;
            create.ReturnUrl = urls.ReturnUrl;
        }
        else
        {
            create.SuccessUrl = urls.ReturnUrl;
            create.CancelUrl = urls.CancelUrl;
        }

        return create;
    }

    public async Task<CheckoutState> GetStateAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        if (attempt.ProviderSessionId is null)
        {
            return new CheckoutState(CheckoutOutcome.Open);
        }

        var session = await GetSessionAsync(attempt.ProviderSessionId, ct);
        var state = FromSession(session);
        if (state.Outcome == CheckoutOutcome.AwaitingBank && session.PaymentIntentId is { } paymentIntentId)
        {
            // Bacs Direct Debit: the session stays "complete, unpaid"; the payment intent says what the bank did.
            var intent = await new PaymentIntentService(client).GetAsync(paymentIntentId, cancellationToken: ct);
            EnsureLivemode(intent.Livemode, "payment intent");
            state = intent.Status switch
            {
                "succeeded" => new CheckoutState(CheckoutOutcome.Paid, intent.Id, intent.AmountReceived, state.PaymentMethodType ?? intent.PaymentMethodTypes?.FirstOrDefault()),
                "requires_payment_method" or "canceled" => new CheckoutState(CheckoutOutcome.Failed, intent.Id, Reason: BankRefused),
                _ => state,
            };
        }

        return state;
    }

    public const string BankRefused = "Your bank did not confirm the Direct Debit";

    public async Task<CheckoutState> CancelCheckoutAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        if (attempt.ProviderSessionId is null)
        {
            return new CheckoutState(CheckoutOutcome.Expired, Reason: "You cancelled the payment");
        }

        try
        {
            var session = await new SessionService(client).ExpireAsync(attempt.ProviderSessionId, cancellationToken: ct);
            EnsureLivemode(session.Livemode, "checkout session");
            return FromSession(session);
        }
        catch (StripeException ex) when (ex.HttpStatusCode == HttpStatusCode.BadRequest)
        {
            // Only an open session can be expired: it was paid, completed or expired meanwhile. Ask what it is now.
            return await GetStateAsync(attempt, ct);
        }
    }

    private async Task<Session> GetSessionAsync(string sessionId, CancellationToken ct)
    {
        var session = await new SessionService(client).GetAsync(sessionId, cancellationToken: ct);
        EnsureLivemode(session.Livemode, "checkout session");
        return session;
    }

    private static string UiModeOf(Session session) => session.UiMode == EmbeddedUiMode ? CheckoutUiModes.Embedded : CheckoutUiModes.Hosted;

    /// <summary>A test-mode object on a live instance (or the reverse) is never acted on.</summary>
    public void EnsureLivemode(bool livemode, string what)
    {
        if (livemode != options.Value.IsLiveMode)
        {
            throw new PaymentProviderRefusedException($"Stripe returned a {(livemode ? "live" : "test")} {what} to a {(options.Value.IsLiveMode ? "live" : "test")} instance");
        }
    }

    /// <summary>Reads a Checkout Session, from the API or from a webhook event.</summary>
    public static CheckoutState FromSession(Session session)
    {
        var method = session.PaymentMethodTypes?.Count == 1 ? session.PaymentMethodTypes[0] : null;
        return (session.Status, session.PaymentStatus) switch
        {
            (_, "paid") => new CheckoutState(CheckoutOutcome.Paid, session.PaymentIntentId, session.AmountTotal, method),
            ("complete", _) => new CheckoutState(CheckoutOutcome.AwaitingBank, session.PaymentIntentId, session.AmountTotal, method),
            ("expired", _) => new CheckoutState(CheckoutOutcome.Expired, Reason: "The payment was not finished in time"),
            _ => new CheckoutState(CheckoutOutcome.Open),
        };
    }

    public async Task<RefundState> RefundAsync(PaymentAttempt attempt, PaymentRefund refund, CancellationToken ct)
    {
        // Built only from the stored refund row, so a retry (same key) is the same request.
        var created = await new RefundService(client).CreateAsync(
            new RefundCreateOptions
            {
                PaymentIntent = attempt.ProviderPaymentIntentId,
                Amount = Money.ToPence(refund.Amount),
                Reason = refund.Reason is "duplicate" or "fraudulent" or "requested_by_customer" ? refund.Reason : null,
                Metadata = new Dictionary<string, string> { ["portal_refund_id"] = refund.Id.ToString(), ["tenancy_reference"] = attempt.TenancyReference },
            },
            new RequestOptions { IdempotencyKey = RefundIdempotencyKey(refund.Id) },
            ct);
        return FromRefund(created);
    }

    public async Task<RefundState> GetRefundAsync(PaymentRefund refund, CancellationToken ct) =>
        FromRefund(await new RefundService(client).GetAsync(refund.ProviderRefundId, cancellationToken: ct));

    public static RefundState FromRefund(Refund refund) => new(refund.Id, refund.Status, refund.Amount, refund.PaymentIntentId, refund.FailureReason,
        refund.Metadata?.GetValueOrDefault("portal_refund_id"));

    private static Dictionary<string, string> Metadata(PaymentAttempt attempt) => new()
    {
        ["payment_attempt_id"] = attempt.Id.ToString(),
        ["tenancy_reference"] = attempt.TenancyReference,
        ["tenancy_id"] = attempt.TenancyId.ToString(CultureInfo.InvariantCulture),
    };
}
