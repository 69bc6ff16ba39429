namespace TenantPortal.Web.Data.Portal;

/// <summary>A card chargeback or Bacs indemnity claim on a portal payment (Stripe dispute id). When the money is
/// taken back the payment is reversed in the rent account; when the landlord wins it is credited again.</summary>
public class PaymentDispute
{
    /// <summary>Stripe's dispute id (dp_...).</summary>
    public required string Id { get; set; }
    public Guid PaymentAttemptId { get; set; }
    public decimal Amount { get; set; }

    /// <summary>Stripe's status: warning_needs_response, needs_response, under_review, won, lost, ...</summary>
    public required string Status { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long? ReversalTransactionId { get; set; }
    public long? RecreditTransactionId { get; set; }
}
