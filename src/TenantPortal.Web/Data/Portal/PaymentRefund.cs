namespace TenantPortal.Web.Data.Portal;

/// <summary>One refund of a portal payment: created before Stripe is asked (its id is the idempotency key), then one
/// row per Stripe refund id. See docs/payments.md for the states.</summary>
public class PaymentRefund
{
    public Guid Id { get; set; }
    public Guid PaymentAttemptId { get; set; }
    public decimal Amount { get; set; }
    public RefundStatus Status { get; set; }
    public string? ProviderRefundId { get; set; }

    /// <summary>Stripe's reason code (duplicate, requested_by_customer, fraudulent) or "other".</summary>
    public string? Reason { get; set; }
    public string? Note { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? FailureReason { get; set; }

    /// <summary>The Refund line in the rent account (posted when Stripe said succeeded).</summary>
    public long? RentTransactionId { get; set; }

    /// <summary>The line that takes the refund back out when a posted refund later fails at Stripe.</summary>
    public long? ReversalTransactionId { get; set; }
    public DateTime? LastCheckedAt { get; set; }
}
