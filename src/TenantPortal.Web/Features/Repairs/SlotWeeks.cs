using System.Globalization;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>One week (Monday to Sunday) of the times offered.</summary>
public sealed record SlotWeek(DateOnly Monday, IReadOnlyList<SlotOption> Slots)
{
    public string Heading => $"Week starting {Monday.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB"))}";
}

/// <summary>The times offered one week at a time (docs/repairs.md, "Choosing a time"): up to 36 radios in one list was
/// a 3,000 px page on a phone. <see cref="Week"/> is the index of the week shown; "Show later dates" and "Show earlier
/// dates" are plain links to the same page with another index, so they work without JavaScript.</summary>
public sealed record SlotWeekPage(SlotWeek? Shown, int Week, int WeekCount)
{
    public bool HasEarlier => Week > 0;
    public bool HasLater => Week < WeekCount - 1;

    /// <summary>Groups <paramref name="slots"/> (earliest first) by week and picks the week to show: the one asked for,
    /// else the one with the <paramref name="selected"/> slot, else the first.</summary>
    public static SlotWeekPage For(IReadOnlyList<SlotOption> slots, int? week, int? selected)
    {
        var weeks = slots.GroupBy(s => MondayOf(s.Date))
            .OrderBy(g => g.Key)
            .Select(g => new SlotWeek(g.Key, g.OrderBy(s => s.Date).ThenBy(s => s.Period).ToList()))
            .ToList();
        if (weeks.Count == 0)
        {
            return new(null, 0, 0);
        }

        var index = week is int asked ? Math.Clamp(asked, 0, weeks.Count - 1)
            : Math.Max(0, weeks.FindIndex(w => w.Slots.Any(s => s.Id == selected)));
        return new(weeks[index], index, weeks.Count);
    }

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
