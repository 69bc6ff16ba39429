using System.Globalization;

namespace TenantPortal.Web.Features.Payments;

public static class Money
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>£1,234.56</summary>
    public static string Format(decimal amount) => amount.ToString("C2", EnGb);

    public static long ToPence(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    public static decimal FromPence(long pence) => pence / 100m;

    /// <summary>A short reference the tenant can quote, from the payment attempt id.</summary>
    public static string PaymentReference(Guid attemptId) => "RP-" + attemptId.ToString("N")[..10].ToUpperInvariant();
}
