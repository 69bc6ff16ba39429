using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Payments;

/// <summary>Development only, when no Stripe keys are configured: a local "test payments" page stands in for Stripe.
/// Its buttons drive the same posting path as Stripe's webhook; the attempt row itself is the "provider's" state.</summary>
public sealed class TestPaymentGateway : IPaymentGateway
{
    public PaymentProvider Provider => PaymentProvider.TestGateway;

    public static string PaymentIntentId(Guid attemptId) => $"test_pi_{attemptId:N}";

    public Task<CheckoutStart> StartCheckoutAsync(PaymentAttempt attempt, CheckoutUrls urls, bool embedded, CancellationToken ct) =>
        Task.FromResult(new CheckoutStart($"test_cs_{attempt.Id:N}", null, $"/rent/pay/test-gateway?attempt={attempt.Id}"));

    public Task<CheckoutState> GetStateAsync(PaymentAttempt attempt, CancellationToken ct) => Task.FromResult(attempt.Status switch
    {
        PaymentStatus.Succeeded => new CheckoutState(CheckoutOutcome.Paid, PaymentIntentId(attempt.Id), Money.ToPence(attempt.Amount), "card"),
        PaymentStatus.Failed => new CheckoutState(CheckoutOutcome.Failed, Reason: attempt.FailureReason),
        PaymentStatus.Expired => new CheckoutState(CheckoutOutcome.Expired),
        _ => new CheckoutState(CheckoutOutcome.Open),
    });

    public Task<RefundStart> RefundAsync(PaymentAttempt attempt, PaymentRefund refund, CancellationToken ct) =>
        Task.FromResult(new RefundStart($"test_re_{refund.Id:N}", Immediate: true));
}
