namespace TenantPortal.Web.Data.Portal;

/// <summary>One attempt to pay rent. Its Id is the Checkout Session's client_reference_id and idempotency key.</summary>
public class PaymentAttempt
{
    public Guid Id { get; set; }
    public int TenancyId { get; set; }
    public required string TenancyReference { get; set; }
    public int? TenantId { get; set; }
    public string? UserId { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "gbp";
    public PaymentStatus Status { get; set; }
    public PaymentProvider Provider { get; set; }
    public string? ProviderSessionId { get; set; }

    /// <summary>"embedded" or "hosted": the UI mode of <see cref="ProviderSessionId"/>.</summary>
    public string? CheckoutUiMode { get; set; }

    /// <summary>The session expiry, fixed the first time a session is asked for in each UI mode, so every retry of
    /// that request is byte-for-byte the same (Stripe refuses an idempotency key reused with other parameters).</summary>
    public DateTime? EmbeddedExpiresAt { get; set; }
    public DateTime? HostedExpiresAt { get; set; }

    /// <summary>When the provider confirmed the session can no longer be paid (expired there). Until then a
    /// cancelled or expired attempt is still checked by reconciliation.</summary>
    public DateTime? ProviderClosedAt { get; set; }
    public string? ProviderPaymentIntentId { get; set; }
    public string? PaymentMethodType { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? FailureReason { get; set; }

    /// <summary>The rent account line this payment became (housing database).</summary>
    public long? RentTransactionId { get; set; }
    public DateTime? ReceiptSentAt { get; set; }
    public decimal RefundedAmount { get; set; }

    /// <summary>Reconciliation lease: an instance claims the row until this time, so two never check it at once.</summary>
    public DateTime? LeaseUntil { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LastCheckedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
