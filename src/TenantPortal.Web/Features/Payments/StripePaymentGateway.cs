using System.Globalization;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Payments;

/// <summary>Stripe Checkout through Stripe.net's <see cref="IStripeClient"/> (its HTTP goes through the named
/// HttpClient "Stripe", so tests can put a fake handler underneath).</summary>
public sealed class StripePaymentGateway(IStripeClient client, IOptions<StripeOptions> options, TimeProvider clock) : IPaymentGateway
{
    public PaymentProvider Provider => PaymentProvider.Stripe;

    public static string CheckoutIdempotencyKey(Guid attemptId) => $"tp-checkout-{attemptId:N}";

    public async Task<CheckoutStart> StartCheckoutAsync(PaymentAttempt attempt, CheckoutUrls urls, bool embedded, CancellationToken ct)
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
            // Short-lived, so reconciliation can close abandoned attempts soon after the 30 minutes.
            ExpiresAt = clock.GetUtcNow().UtcDateTime.AddMinutes(31),
        };
        if (embedded)
        {
            create.UiMode = "embedded_page";
            create.ReturnUrl = urls.ReturnUrl;
        }
        else
        {
            create.SuccessUrl = urls.ReturnUrl;
            create.CancelUrl = urls.CancelUrl;
        }

        var session = await new SessionService(client).CreateAsync(create, new RequestOptions { IdempotencyKey = CheckoutIdempotencyKey(attempt.Id) }, ct);
        return new CheckoutStart(session.Id, session.ClientSecret, session.Url);
    }

    public async Task<CheckoutState> GetStateAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        if (attempt.ProviderSessionId is null)
        {
            return new CheckoutState(CheckoutOutcome.Open);
        }

        var session = await new SessionService(client).GetAsync(attempt.ProviderSessionId, cancellationToken: ct);
        return FromSession(session);
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

    public async Task<RefundStart> RefundAsync(PaymentAttempt attempt, PaymentRefund refund, CancellationToken ct)
    {
        var created = await new RefundService(client).CreateAsync(
            new RefundCreateOptions
            {
                PaymentIntent = attempt.ProviderPaymentIntentId,
                Amount = Money.ToPence(refund.Amount),
                Metadata = new Dictionary<string, string> { ["portal_refund_id"] = refund.Id.ToString(), ["tenancy_reference"] = attempt.TenancyReference },
            },
            new RequestOptions { IdempotencyKey = $"tp-refund-{refund.Id:N}" },
            ct);
        return new RefundStart(created.Id, Immediate: false);
    }

    private static Dictionary<string, string> Metadata(PaymentAttempt attempt) => new()
    {
        ["payment_attempt_id"] = attempt.Id.ToString(),
        ["tenancy_reference"] = attempt.TenancyReference,
        ["tenancy_id"] = attempt.TenancyId.ToString(CultureInfo.InvariantCulture),
    };
}
