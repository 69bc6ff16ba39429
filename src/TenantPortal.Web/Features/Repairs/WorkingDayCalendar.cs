using System.Collections.Concurrent;
using PublicHoliday;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>The working-day calendar the services use: Monday to Friday except the bank holidays of the landlord's
/// region (<see cref="UkRegion"/>, from the <c>PublicHoliday</c> package: substitute days, Scotland's 2 January and St
/// Andrew's Day, Northern Ireland's St Patrick's Day and 12 July), with the configured changes applied: days added,
/// removed and moved (<see cref="BankHolidayChanges"/>).</summary>
public sealed class WorkingDayCalendar
{
    private readonly UKBankHoliday source;
    private readonly HashSet<DateOnly> added;
    private readonly HashSet<DateOnly> removed;
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> years = new();

    public WorkingDayCalendar(UkRegion region, BankHolidayChanges changes)
    {
        Region = region;
        source = new UKBankHoliday(region switch
        {
            UkRegion.Wales => UKBankHoliday.UkCountries.Wales,
            UkRegion.Scotland => UKBankHoliday.UkCountries.Scotland,
            UkRegion.NorthernIreland => UKBankHoliday.UkCountries.NorthernIreland,
            _ => UKBankHoliday.UkCountries.England,
        });
        added = [.. changes.Add, .. changes.Move.Select(m => m.To)];
        removed = [.. changes.Remove, .. changes.Move.Select(m => m.From)];
        removed.ExceptWith(added);
    }

    /// <summary>England and Wales with extra one-off days added.</summary>
    public WorkingDayCalendar(IEnumerable<DateOnly> extraHolidays)
        : this(UkRegion.England, new BankHolidayChanges([.. extraHolidays], [], []))
    {
    }

    /// <summary>England and Wales bank holidays only, no changes.</summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = new([]);

    public UkRegion Region { get; }

    public bool IsBankHoliday(DateOnly date) =>
        added.Contains(date) || (!removed.Contains(date) && years.GetOrAdd(date.Year, Holidays).Contains(date));

    private HashSet<DateOnly> Holidays(int year)
    {
        var days = source.PublicHolidays(year).Select(DateOnly.FromDateTime).ToHashSet();
        if (Region == UkRegion.Scotland)
        {
            // GOV.UK's list for Scotland has no Easter Monday ("not a legal holiday in Scotland"); the package keeps it
            // because clearing banks close.
            days.Remove(DateOnly.FromDateTime(UKBankHoliday.EasterMonday(year)));
        }

        return days;
    }

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
