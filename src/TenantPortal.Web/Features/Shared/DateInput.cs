using System.Globalization;

namespace TenantPortal.Web.Features.Shared;

/// <summary>A GOV.UK date input (day, month, year boxes) read the same way on every form: spaces ignored, the month as a
/// number or a name in full or short ("March", "Mar", "sept"), as the GOV.UK date input pattern asks; a message that
/// says which part is missing or that the date is not real.</summary>
public static class DateInput
{
    public enum Part { Day, Month, Year }

    /// <summary>Either a date or what is wrong (<see cref="Problem"/> starts with <c>subject</c>) and the box to link to.</summary>
    public sealed record Result(DateOnly? Date, string? Problem, Part ErrorPart, bool Empty);

    private static readonly string[] MonthNames = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.MonthNames[..12];

    /// <param name="subject">How the messages name the date, e.g. "Date of birth" or "The start date".</param>
    /// <param name="example">A real date for "must be a real date, like ...", e.g. "27 3 1985".</param>
    public static Result Read(string? day, string? month, string? year, string subject, string example)
    {
        var parts = new[] { (Part.Day, day), (Part.Month, month), (Part.Year, year) };
        var missing = parts.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count == 3)
        {
            return new(null, null, Part.Day, Empty: true);
        }

        if (missing.Count > 0)
        {
            var names = string.Join(" and ", missing.Select(p => p.ToString().ToLowerInvariant()));
            return new(null, $"{subject} must include a {names}", missing[0], Empty: false);
        }

        if (TryNumber(day, out var d) && TryMonth(month, out var m) && TryNumber(year, out var y)
            && y is >= 1900 and <= 2100 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new(new DateOnly(y, m, d), null, Part.Day, Empty: false);
        }

        return new(null, $"{subject} must be a real date, like {example}", Part.Day, Empty: false);
    }

    /// <summary>1 to 12, "January" to "December", or the first three letters or more of a name ("Sept").</summary>
    public static bool TryMonth(string? text, out int month)
    {
        var value = text?.Trim() ?? "";
        if (TryNumber(value, out month))
        {
            return month is >= 1 and <= 12;
        }

        var index = value.Length >= 3
            ? Array.FindIndex(MonthNames, name => name.StartsWith(value, StringComparison.OrdinalIgnoreCase))
            : -1;
        month = index + 1;
        return index >= 0;
    }

    private static bool TryNumber(string? value, out int number) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out number);
}
