using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Admin.Payments;

public sealed class PaymentsFilter
{
    /// <summary>Empty: everything but abandoned attempts (not started, cancelled, expired); "all"; or one status.</summary>
    public string? Status { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Tenancy { get; set; }
    public bool Disputed { get; set; }
    public int Page { get; set; } = 1;

    public static readonly PaymentStatus[] Abandoned = [PaymentStatus.Created, PaymentStatus.Cancelled, PaymentStatus.Expired];

    public string ToQueryString(int page) =>
        $"?Status={Uri.EscapeDataString(Status ?? "")}&From={From:yyyy-MM-dd}&To={To:yyyy-MM-dd}&Tenancy={Uri.EscapeDataString(Tenancy ?? "")}{(Disputed ? "&Disputed=true" : "")}&Page={page}";
}

public sealed record PaymentRow(Guid Id, string Reference, string TenancyReference, string? TenantName, decimal Amount, PaymentStatus Status, PaymentProvider Provider, DateTime CreatedAtUk, decimal RefundedAmount, long? RentTransactionId, DateOnly? PostedOn, string? DisputeStatus);

public sealed class PaymentsListViewModel
{
    public required PaymentsFilter Filter { get; init; }
    public required IReadOnlyList<PaymentRow> Rows { get; init; }
    public int Page { get; init; }
    public bool HasNext { get; init; }
}

public sealed record RefundRow(decimal Amount, RefundStatus Status, string? Reason, string? Note, string RequestedBy, DateTime RequestedAtUk, string? ProviderRefundId, string? FailureReason);

public sealed record DisputeRow(string Id, decimal Amount, string Status, string? Reason, DateTime OpenedAtUk, bool Reversed, bool Recredited);

public sealed class PaymentDetailViewModel
{
    public required PaymentAttempt Attempt { get; init; }
    public string? TenantName { get; init; }
    public required IReadOnlyList<RefundRow> Refunds { get; init; }
    public IReadOnlyList<DisputeRow> Disputes { get; init; } = [];
    public DateOnly? PostedOn { get; init; }
    public string? PostedDescription { get; init; }
    public decimal Refundable { get; init; }
    public bool CanRefund { get; init; }
    public RefundForm Form { get; init; } = new();
}

public sealed class RefundForm
{
    public string? Amount { get; set; }
    public string? Reason { get; set; }
    public string? Note { get; set; }

    /// <summary>Chosen when the check page is shown: a resubmitted confirmation makes no second refund.</summary>
    public Guid RefundId { get; set; }
}

public sealed class ConfirmRefundViewModel
{
    public required PaymentAttempt Attempt { get; init; }
    public required RefundForm Form { get; init; }
    public decimal Amount { get; init; }
    public required string ReasonText { get; init; }
}
