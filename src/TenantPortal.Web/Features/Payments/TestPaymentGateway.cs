using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Payments;

/// <summary>Development only, when no Stripe keys are configured: a local "test payments" page stands in for Stripe.
/// Its buttons drive the same posting path as Stripe's webhook; the attempt row itself is the "provider's" state.</summary>
public sealed class TestPaymentGateway : IPaymentGateway
{
    public PaymentProvider Provider => PaymentProvider.TestGateway;

    public static string PaymentIntentId(Guid attemptId) => $"test_pi_{attemptId:N}";

    public Task<CheckoutStart> StartCheckoutAsync(PaymentAttempt attempt, CheckoutUrls urls, bool embedded, CancellationToken ct) =>
        Task.FromResult(new CheckoutStart($"test_cs_{attempt.Id:N}", CheckoutUiModes.Hosted, null, $"/rent/pay/test-gateway?attempt={attempt.Id}"));

    public Task<CheckoutState> GetStateAsync(PaymentAttempt attempt, CancellationToken ct) => Task.FromResult(attempt.Status switch
    {
        PaymentStatus.Succeeded => new CheckoutState(CheckoutOutcome.Paid, PaymentIntentId(attempt.Id), Money.ToPence(attempt.Amount), "card"),
        PaymentStatus.Failed => new CheckoutState(CheckoutOutcome.Failed, Reason: attempt.FailureReason),
        PaymentStatus.Expired or PaymentStatus.Cancelled => new CheckoutState(CheckoutOutcome.Expired),
        _ => new CheckoutState(CheckoutOutcome.Open),
    });

    public async Task<CheckoutState> CancelCheckoutAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        var state = await GetStateAsync(attempt, ct);
        return state.Outcome == CheckoutOutcome.Open ? new CheckoutState(CheckoutOutcome.Expired, Reason: "You cancelled the payment") : state;
    }

    public Task<RefundState> RefundAsync(PaymentAttempt attempt, PaymentRefund refund, CancellationToken ct) =>
        Task.FromResult(new RefundState($"test_re_{refund.Id:N}", "succeeded", Money.ToPence(refund.Amount), PaymentIntentId(attempt.Id), PortalRefundId: refund.Id.ToString()));

    public Task<RefundState> GetRefundAsync(PaymentRefund refund, CancellationToken ct) =>
        Task.FromResult(new RefundState(refund.ProviderRefundId ?? $"test_re_{refund.Id:N}", "succeeded", Money.ToPence(refund.Amount), PortalRefundId: refund.Id.ToString()));
}
