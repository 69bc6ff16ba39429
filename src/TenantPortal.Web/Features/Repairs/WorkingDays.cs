namespace TenantPortal.Web.Features.Repairs;

/// <summary>Working days in England and Wales: Monday to Friday, excluding bank holidays (with substitute days when a
/// holiday falls at a weekend, and the one-off changes announced since 2020).</summary>
public static class WorkingDays
{
    private static readonly DateOnly[] OneOffHolidays =
    [
        new(2022, 6, 3),   // Platinum Jubilee
        new(2022, 9, 19),  // State funeral of Queen Elizabeth II
        new(2023, 5, 8),   // Coronation of King Charles III
    ];

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    public static bool IsBankHoliday(DateOnly date) => BankHolidays(date.Year).Contains(date);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day
    /// itself does not count). Zero returns the start date.</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        var remaining = workingDays;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
                remaining--;
        }

        return date;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public static DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
            date = date.AddDays(1);
        return date;
    }

    public static IReadOnlySet<DateOnly> BankHolidays(int year)
    {
        var days = new HashSet<DateOnly>();
        days.Add(WeekdayOrNextMonday(new DateOnly(year, 1, 1)));

        var easter = EasterSunday(year);
        days.Add(easter.AddDays(-2));
        days.Add(easter.AddDays(1));

        // Early May: first Monday (moved to Friday 8 May in 2020 for VE Day).
        days.Add(year == 2020 ? new DateOnly(2020, 5, 8) : FirstMonday(year, 5));
        // Spring: last Monday of May (moved to Thursday 2 June in 2022 for the Jubilee).
        days.Add(year == 2022 ? new DateOnly(2022, 6, 2) : LastMonday(year, 5));
        days.Add(LastMonday(year, 8));

        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday:
                days.Add(christmas);
                days.Add(christmas.AddDays(3));
                break;
            case DayOfWeek.Saturday:
                days.Add(christmas.AddDays(2));
                days.Add(christmas.AddDays(3));
                break;
            case DayOfWeek.Sunday:
                days.Add(christmas.AddDays(1));
                days.Add(christmas.AddDays(2));
                break;
            default:
                days.Add(christmas);
                days.Add(christmas.AddDays(1));
                break;
        }

        foreach (var day in OneOffHolidays.Where(d => d.Year == year))
            days.Add(day);
        return days;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly WeekdayOrNextMonday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        while (date.DayOfWeek != DayOfWeek.Monday)
            date = date.AddDays(1);
        return date;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (date.DayOfWeek != DayOfWeek.Monday)
            date = date.AddDays(-1);
        return date;
    }
}
