using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Admin.Payments;

public sealed class PaymentsFilter
{
    public PaymentStatus? Status { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Tenancy { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record PaymentRow(Guid Id, string Reference, string TenancyReference, decimal Amount, PaymentStatus Status, PaymentProvider Provider, DateTime CreatedAtUk, decimal RefundedAmount, long? RentTransactionId, DateOnly? PostedOn);

public sealed class PaymentsListViewModel
{
    public required PaymentsFilter Filter { get; init; }
    public required IReadOnlyList<PaymentRow> Rows { get; init; }
    public int Page { get; init; }
    public bool HasNext { get; init; }
}

public sealed record RefundRow(decimal Amount, RefundStatus Status, string RequestedBy, DateTime RequestedAtUk, string? ProviderRefundId);

public sealed class PaymentDetailViewModel
{
    public required PaymentAttempt Attempt { get; init; }
    public required IReadOnlyList<RefundRow> Refunds { get; init; }
    public DateOnly? PostedOn { get; init; }
    public string? PostedDescription { get; init; }
    public decimal Refundable { get; init; }
    public bool CanRefund { get; init; }
    public RefundForm Form { get; init; } = new();
}

public sealed class RefundForm
{
    public string? Amount { get; set; }
}
