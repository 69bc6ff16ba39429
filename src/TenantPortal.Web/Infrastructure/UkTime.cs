namespace TenantPortal.Web.Infrastructure;

/// <summary>UK local dates and times (Europe/London, with summer time): the database holds UTC instants, while
/// "today", target dates, statements and "this week" are London days.</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime ToUk(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToUk(clock.GetUtcNow().UtcDateTime));

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToUk(utc));

    /// <summary>The UTC instant of a UK local date and time.</summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date.ToDateTime(time), DateTimeKind.Unspecified), Zone);

    /// <summary>The UTC instant at which the given UK day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => ToUtc(day, TimeOnly.MinValue);

    /// <summary>Monday of the week containing the day.</summary>
    public static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
