using System.Text.RegularExpressions;

namespace TenantPortal.Web.Infrastructure.Web;

/// <summary>An enum member in the words a page shows: "InProgress" as "In progress", "LeadTenant" as "Lead tenant",
/// with the benefits' proper names kept ("UniversalCredit" as "Universal Credit"). Pages never show member names
/// (a test walks every page for them).</summary>
public static partial class PlainWords
{
    private static readonly Dictionary<string, string> ProperNames = new(StringComparer.Ordinal)
    {
        ["HousingBenefit"] = "Housing Benefit",
        ["UniversalCredit"] = "Universal Credit",
    };

    public static string Of<T>(T value)
        where T : struct, Enum => Of(value.ToString());

    public static string Of(string name)
    {
        if (ProperNames.TryGetValue(name, out var proper))
        {
            return proper;
        }

        var words = Words().Matches(name).Select(m => m.Value).ToList();
        return words.Count <= 1
            ? name
            : string.Join(' ', words.Select((w, i) => i == 0 || w.All(char.IsUpper) ? w : w.ToLowerInvariant()));
    }

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+")]
    private static partial Regex Words();
}
