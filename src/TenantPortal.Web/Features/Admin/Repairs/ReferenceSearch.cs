using System.Globalization;
using System.Text.RegularExpressions;

namespace TenantPortal.Web.Features.Admin.Repairs;

/// <summary>What a search term means as a job reference (R2026-00205). Matches are equalities or an inclusive range
/// whose two ends have the reference's full shape ("R2026-00200" to "R2026-00299"), never a range ending in a
/// punctuation mark: SQL Server's default collations ignore or reorder "-" when comparing, so "R2026-" as a prefix
/// range found nothing there, while two whole references compare the same under every collation.</summary>
public sealed partial record ReferenceSearch(IReadOnlyList<string> Exact, (string From, string To)? Range)
{
    /// <summary>Years searched for a reference's digits alone ("00205"): the references of the last ten years.</summary>
    public const int YearsBack = 10;

    public static ReferenceSearch For(string upperTerm, int thisYear)
    {
        var term = upperTerm.Trim();
        if (DigitsOnly().IsMatch(term))
        {
            var number = term.PadLeft(5, '0');
            var years = Enumerable.Range(thisYear - YearsBack + 1, YearsBack).Select(y => Format(y.ToString(CultureInfo.InvariantCulture), number));
            return new([term, .. years], null);
        }

        var prefix = ReferencePrefix().Match(term);
        if (prefix.Success)
        {
            var year = prefix.Groups["year"].Value;
            var number = prefix.Groups["number"].Value;
            return new([term], (Format(year.PadRight(4, '0'), number.PadRight(5, '0')), Format(year.PadRight(4, '9'), number.PadRight(5, '9'))));
        }

        return new([term], null);
    }

    private static string Format(string year, string number) => $"R{year}-{number}";

    [GeneratedRegex("^[0-9]{1,5}$")]
    private static partial Regex DigitsOnly();

    /// <summary>"R", "R20", "R2026", "R2026-", "R2026-002", "2026-00205" (the R may be left off once the year is whole).</summary>
    [GeneratedRegex("^(?:R(?<year>[0-9]{0,3})|R?(?<year>[0-9]{4})(?:-(?<number>[0-9]{0,5}))?)$")]
    private static partial Regex ReferencePrefix();
}
