using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Payments;

/// <summary>What the portal needs from a payment provider. <see cref="StripePaymentGateway"/> in real use,
/// <see cref="TestPaymentGateway"/> in Development without Stripe keys.</summary>
public interface IPaymentGateway
{
    PaymentProvider Provider { get; }

    /// <summary>Starts paying for the attempt, or resumes the checkout it already has. Embedded: a client secret for
    /// Stripe.js; hosted: a URL to redirect to; <see cref="CheckoutStart.Finished"/> when the existing checkout is
    /// already paid or closed.</summary>
    Task<CheckoutStart> StartCheckoutAsync(PaymentAttempt attempt, CheckoutUrls urls, bool embedded, CancellationToken ct);

    /// <summary>What the provider says about the attempt now (never what the browser says).</summary>
    Task<CheckoutState> GetStateAsync(PaymentAttempt attempt, CancellationToken ct);

    /// <summary>Closes the attempt's checkout at the provider so it can no longer be paid. Returns the state after:
    /// Expired when closed, or Paid / AwaitingBank when it had already been paid.</summary>
    Task<CheckoutState> CancelCheckoutAsync(PaymentAttempt attempt, CancellationToken ct);

    /// <summary>Asks the provider to refund part or all of a payment (idempotent on the refund's id).</summary>
    Task<RefundState> RefundAsync(PaymentAttempt attempt, PaymentRefund refund, CancellationToken ct);

    /// <summary>What the provider says about a refund now.</summary>
    Task<RefundState> GetRefundAsync(PaymentRefund refund, CancellationToken ct);
}

public sealed record CheckoutUrls(string ReturnUrl, string CancelUrl);

public static class CheckoutUiModes
{
    public const string Embedded = "embedded";
    public const string Hosted = "hosted";
}

public sealed record CheckoutStart(string SessionId, string UiMode, string? ClientSecret, string? RedirectUrl, CheckoutState? Finished = null);

public enum CheckoutOutcome { Open, Paid, AwaitingBank, Failed, Expired }

/// <summary>A provider's view of one checkout: Paid carries the payment intent id and the amount actually paid.</summary>
public sealed record CheckoutState(CheckoutOutcome Outcome, string? PaymentIntentId = null, long? AmountPence = null, string? PaymentMethodType = null, string? Reason = null);

/// <summary>A provider's view of one refund. Status is Stripe's: pending, requires_action, succeeded, failed, canceled.</summary>
public sealed record RefundState(string ProviderRefundId, string Status, long AmountPence, string? PaymentIntentId = null, string? FailureReason = null, string? PortalRefundId = null);
