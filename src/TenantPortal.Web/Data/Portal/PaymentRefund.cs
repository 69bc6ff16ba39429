namespace TenantPortal.Web.Data.Portal;

public class PaymentRefund
{
    public Guid Id { get; set; }
    public Guid PaymentAttemptId { get; set; }
    public decimal Amount { get; set; }
    public RefundStatus Status { get; set; }
    public string? ProviderRefundId { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public long? RentTransactionId { get; set; }
}
