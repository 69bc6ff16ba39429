namespace TenantPortal.Web.Data.Housing;

/// <summary>A line in the rent account. Amount is signed: charges are positive, credits (payments, benefit,
/// refunds of overpayment reversed...) negative, so the balance is the plain sum.</summary>
public class RentTransaction
{
    public long Id { get; set; }
    public int TenancyId { get; set; }
    public DateOnly Date { get; set; }
    public RentTransactionType Type { get; set; }
    public decimal Amount { get; set; }
    public required string Description { get; set; }
    public string? Reference { get; set; }

    /// <summary>Where the line came from: "HMS", "Portal", "Bank"...</summary>
    public required string Source { get; set; }

    /// <summary>The payment provider's own id (Stripe payment intent or refund); unique, so a payment is posted once.</summary>
    public string? ProviderReference { get; set; }
    public DateTime CreatedAt { get; set; }
}
