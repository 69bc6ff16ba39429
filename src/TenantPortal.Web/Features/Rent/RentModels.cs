using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Payments;

namespace TenantPortal.Web.Features.Rent;

public sealed record ChargeLine(string Description, decimal WeeklyAmount);

public sealed class RentAccountViewModel
{
    public required string TenancyReference { get; init; }
    public decimal Balance { get; init; }
    /// <summary>Null when only the HMS has moved the balance (it keeps no such time).</summary>
    public DateTime? BalanceUpdatedAtUk { get; init; }
    public required IReadOnlyList<ChargeLine> Charges { get; init; }
    public decimal WeeklyTotal => Charges.Sum(c => c.WeeklyAmount);
    public DateOnly NextChargeDate { get; init; }
    public int ChargeWeeksPerYear { get; init; }
    public BenefitType BenefitType { get; init; }
    public decimal WeeklyBenefitAmount { get; init; }
    public decimal WeeklyToPay => Math.Max(0, WeeklyTotal - WeeklyBenefitAmount);
    public int PendingPayments { get; init; }
    public bool CanPayOnline { get; init; }

    public string BalanceInWords => BalanceWords(Balance);

    public static string BalanceWords(decimal balance) => balance switch
    {
        > 0 => $"You owe {Money.Format(balance)}",
        < 0 => $"You are {Money.Format(-balance)} in credit",
        _ => "Your account is clear",
    };

    public string BenefitName => BenefitType == BenefitType.UniversalCredit ? "Universal Credit" : "Housing Benefit";
}

/// <summary>The statement's date filter as GOV.UK date inputs (day, month, year), read from the query string.</summary>
public sealed class StatementFilter
{
    public string? FromDay { get; set; }
    public string? FromMonth { get; set; }
    public string? FromYear { get; set; }
    public string? ToDay { get; set; }
    public string? ToMonth { get; set; }
    public string? ToYear { get; set; }
    public int Page { get; set; } = 1;
}

/// <summary>One line of the rent statement. The screen and the CSV download show the same columns with the same words:
/// what was charged, what was paid (a refund is money paid back to the tenant, so it is shown as a negative payment,
/// not as a charge), and the balance after it.</summary>
public sealed record StatementLine(DateOnly Date, string Description, string? Reference, decimal Amount, decimal BalanceAfter, RentTransactionType Type)
{
    public const string DateFormat = "d MMM yyyy";

    public static readonly string[] Columns = ["Date", "Description", "Charge", "Paid", "Balance"];

    public decimal? Charge => Type != RentTransactionType.Refund && Amount > 0 ? Amount : null;

    public decimal? Paid => Type == RentTransactionType.Refund ? -Amount : Amount < 0 ? -Amount : null;

    /// <summary>"£150.00", or "£20.00 in credit" when the tenant is owed money.</summary>
    public static string Balance(decimal balance) => balance < 0 ? Money.Format(-balance) + " in credit" : Money.Format(balance);
}

/// <summary>A payment waiting for the bank, or a refund Stripe has not finished, shown apart from the lines.</summary>
public sealed record PendingLine(DateTime CreatedAtUk, decimal Amount, string Reference, string Description = "Online payment");

public sealed class StatementViewModel
{
    public required StatementFilter Filter { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public decimal Balance { get; init; }
    public required IReadOnlyList<StatementLine> Lines { get; init; }
    public required IReadOnlyList<PendingLine> Pending { get; init; }
    public int Page { get; init; }
    public int TotalPages { get; init; }
    public int TotalLines { get; init; }

    public string QueryFor(int page)
    {
        var parts = new List<string>();
        if (From is DateOnly f)
        {
            parts.Add($"FromDay={f.Day}&FromMonth={f.Month}&FromYear={f.Year}");
        }

        if (To is DateOnly t)
        {
            parts.Add($"ToDay={t.Day}&ToMonth={t.Month}&ToYear={t.Year}");
        }

        if (page > 1)
        {
            parts.Add($"Page={page}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    public string DownloadQuery
    {
        get
        {
            var parts = new List<string>();
            if (From is DateOnly f)
            {
                parts.Add($"from={f:yyyy-MM-dd}");
            }

            if (To is DateOnly t)
            {
                parts.Add($"to={t:yyyy-MM-dd}");
            }

            return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
        }
    }
}

public sealed class PayForm
{
    public string? Amount { get; set; }
}

public sealed class PayPageViewModel
{
    public required PayForm Form { get; init; }
    public decimal Balance { get; init; }
    public PaymentMode Mode { get; init; }
}

public sealed class CheckPaymentViewModel
{
    public Guid AttemptId { get; init; }
    public decimal Amount { get; init; }
    public required string TenancyReference { get; init; }
    public PaymentMode Mode { get; init; }
}

public sealed class EmbeddedCheckoutViewModel
{
    public Guid AttemptId { get; init; }
    public decimal Amount { get; init; }
    public required string PublishableKey { get; init; }
    public required string ClientSecret { get; init; }
}

public sealed class PaymentResultViewModel
{
    /// <summary>How the receipt goes (the notifications module's choice for this tenant), so the page says how.</summary>
    public Data.Portal.MessageChannel? Receipt { get; init; }

    public string ReceiptSentence => Receipt switch
    {
        Data.Portal.MessageChannel.Email => "We have emailed you a receipt.",
        Data.Portal.MessageChannel.Text => "We have sent you a receipt by text message.",
        Data.Portal.MessageChannel.Letter => "We will post you a receipt.",
        _ => "",
    };

    public Guid AttemptId { get; init; }
    public decimal Amount { get; init; }
    public Data.Portal.PaymentStatus Status { get; init; }
    public required string Reference { get; init; }
    public required string TenancyReference { get; init; }
    public DateTime? PaidAtUk { get; init; }
    public string? FailureReason { get; init; }
    public decimal? NewBalance { get; init; }
    public bool Cancelled { get; init; }

    /// <summary>The payment provider could not be reached just now.</summary>
    public bool ProviderUnavailable { get; set; }

    /// <summary>The provider answered that the request was wrong (logged with its request id): trying again will not help.</summary>
    public bool ProviderRefused { get; set; }
}
