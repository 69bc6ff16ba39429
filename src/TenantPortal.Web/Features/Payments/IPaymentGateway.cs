using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Payments;

/// <summary>What the portal needs from a payment provider. <see cref="StripePaymentGateway"/> in real use,
/// <see cref="TestPaymentGateway"/> in Development without Stripe keys.</summary>
public interface IPaymentGateway
{
    PaymentProvider Provider { get; }

    /// <summary>Starts paying for the attempt. Embedded: a client secret for Stripe.js; hosted: a URL to redirect to.</summary>
    Task<CheckoutStart> StartCheckoutAsync(PaymentAttempt attempt, CheckoutUrls urls, bool embedded, CancellationToken ct);

    /// <summary>What the provider says about the attempt now (never what the browser says).</summary>
    Task<CheckoutState> GetStateAsync(PaymentAttempt attempt, CancellationToken ct);

    /// <summary>Asks the provider to refund part or all of a payment; the refund is posted when the provider confirms it.</summary>
    Task<RefundStart> RefundAsync(PaymentAttempt attempt, PaymentRefund refund, CancellationToken ct);
}

public sealed record CheckoutUrls(string ReturnUrl, string CancelUrl);

public sealed record CheckoutStart(string SessionId, string? ClientSecret, string? RedirectUrl);

public enum CheckoutOutcome { Open, Paid, AwaitingBank, Failed, Expired }

/// <summary>A provider's view of one checkout: Paid carries the payment intent id and the amount actually paid.</summary>
public sealed record CheckoutState(CheckoutOutcome Outcome, string? PaymentIntentId = null, long? AmountPence = null, string? PaymentMethodType = null, string? Reason = null);

/// <summary>Immediate: the provider confirmed at once (test gateway); otherwise confirmation comes by webhook.</summary>
public sealed record RefundStart(string ProviderRefundId, bool Immediate);
