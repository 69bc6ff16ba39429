using System.Globalization;
using System.Text.RegularExpressions;

namespace TenantPortal.Web.Features.Payments;

/// <summary>Reads an amount as a tenant types it ("£12.50", "12.5", "1,200.00") and checks the limits.</summary>
public static partial class PaymentAmount
{
    public const decimal Minimum = 1.00m;
    public const decimal Maximum = 5000.00m;

    public static bool TryParse(string? input, out decimal amount, out string? error) =>
        TryParse(input, Minimum, Maximum, "Enter how much you want to pay", out amount, out error);

    public static bool TryParse(string? input, decimal minimum, decimal maximum, string emptyMessage, out decimal amount, out string? error)
    {
        amount = 0;
        error = null;
        var text = (input ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            error = emptyMessage;
            return false;
        }

        if (text.StartsWith('£'))
        {
            text = text[1..];
        }

        if (text.StartsWith('-'))
        {
            error = $"The amount must be {Money.Format(minimum)} or more";
            return false;
        }

        if (!AmountPattern().IsMatch(text))
        {
            error = "Enter an amount in pounds and pence, like 25.50";
            return false;
        }

        text = text.Replace(",", "", StringComparison.Ordinal);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && text.Length - dot - 1 > 2)
        {
            error = "Enter the amount to no more than 2 decimal places, like 25.50";
            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            // Only digits got here: too many of them for a decimal.
            error = $"The amount must be {Money.Format(maximum)} or less";
            return false;
        }

        if (amount < minimum)
        {
            error = $"The amount must be {Money.Format(minimum)} or more";
            return false;
        }

        if (amount > maximum)
        {
            error = $"The amount must be {Money.Format(maximum)} or less";
            return false;
        }

        return true;
    }

    // Digits with optional thousands commas in the right places, then optional decimals.
    [GeneratedRegex(@"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$")]
    private static partial Regex AmountPattern();
}
