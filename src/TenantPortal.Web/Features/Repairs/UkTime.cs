namespace TenantPortal.Web.Features.Repairs;

/// <summary>UK local dates and times (Europe/London, with summer time) for rules that depend on the day.</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime ToUk(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToUk(clock.GetUtcNow().UtcDateTime));

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToUk(utc));

    /// <summary>The UTC instant of a UK local date and time.</summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date.ToDateTime(time), DateTimeKind.Unspecified), Zone);
}
