using Microsoft.Extensions.Options;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>The working-day calendar the services use: <see cref="WorkingDays"/> (weekends and England and Wales bank
/// holidays, computed) plus the configurable extra one-off days in <c>Repairs:ExtraBankHolidays</c>.</summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> extra;

    public WorkingDayCalendar(IEnumerable<DateOnly> extraHolidays) => extra = [.. extraHolidays];

    public WorkingDayCalendar(IOptions<RepairsOptions> options)
        : this(options.Value.ExtraBankHolidays)
    {
    }

    /// <summary>Bank holidays only, no extra days.</summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = new([]);

    public bool IsBankHoliday(DateOnly date) => extra.Contains(date) || WorkingDays.IsBankHoliday(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day
    /// itself does not count, so a report on a Saturday with 1 working day is due on Monday, or Tuesday after a bank
    /// holiday Monday). Zero returns the start date.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        var remaining = workingDays;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
