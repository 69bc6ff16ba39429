using Microsoft.Extensions.Time.Testing;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Repairs;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    [Theory]
    [InlineData("2026-11-06", 1, "2026-11-09")] // Friday -> Monday
    [InlineData("2026-11-07", 1, "2026-11-09")] // Saturday -> Monday
    [InlineData("2026-04-02", 1, "2026-04-07")] // Thursday before Easter: Good Friday and Easter Monday skipped
    [InlineData("2026-05-01", 1, "2026-05-05")] // early May bank holiday (first Monday)
    [InlineData("2026-05-22", 1, "2026-05-26")] // spring bank holiday (last Monday in May)
    [InlineData("2026-08-28", 1, "2026-09-01")] // summer bank holiday (last Monday in August)
    [InlineData("2026-12-24", 1, "2026-12-29")] // Christmas Friday, Boxing Day Saturday -> substitute Monday 28th
    [InlineData("2027-12-24", 1, "2027-12-29")] // Christmas Saturday and Boxing Day Sunday -> substitutes 27th and 28th
    [InlineData("2027-12-31", 1, "2028-01-04")] // New Year's Day Saturday -> substitute Monday 3 January
    [InlineData("2026-11-02", 0, "2026-11-02")]
    public void AddWorkingDays_SkipsWeekendsAndBankHolidays(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Calendar.AddWorkingDays(DateOnly.Parse(start), days));

    [Fact]
    public void ExtraConfiguredHoliday_IsNotAWorkingDay()
    {
        var calendar = new WorkingDayCalendar([new DateOnly(2026, 6, 15)]);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 6, 15)));
        Assert.Equal(new DateOnly(2026, 6, 16), calendar.AddWorkingDays(new DateOnly(2026, 6, 12), 1));
        Assert.True(WorkingDayCalendar.EnglandAndWales.IsWorkingDay(new DateOnly(2026, 6, 15)));
    }

    [Fact]
    public void EasterBankHolidays_AreComputedForEachYear()
    {
        Assert.True(Calendar.IsBankHoliday(new DateOnly(2025, 4, 18)));  // Good Friday 2025
        Assert.True(Calendar.IsBankHoliday(new DateOnly(2025, 4, 21)));  // Easter Monday 2025
        Assert.True(Calendar.IsBankHoliday(new DateOnly(2027, 3, 26)));  // Good Friday 2027
        Assert.True(Calendar.IsBankHoliday(new DateOnly(2027, 3, 29)));  // Easter Monday 2027
        Assert.False(Calendar.IsBankHoliday(new DateOnly(2026, 4, 13)));
    }
}

public sealed class RepairTargetsTests
{
    private readonly RepairTargets targets = new(WorkingDayCalendar.EnglandAndWales);

    private static DateTime Utc(string value) => DateTime.SpecifyKind(DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    [InlineData(RepairPriority.Emergency, "2026-11-02T10:00:00", "2026-11-03")]
    [InlineData(RepairPriority.Urgent, "2026-11-02T10:00:00", "2026-11-09")]
    [InlineData(RepairPriority.Routine, "2026-11-02T10:00:00", "2026-11-30")]
    [InlineData(RepairPriority.Urgent, "2026-12-23T10:00:00", "2027-01-04")] // over Christmas and New Year
    [InlineData(RepairPriority.Routine, "2026-03-30T09:00:00", "2026-04-29")] // over Easter
    [InlineData(RepairPriority.Emergency, "2026-11-07T09:00:00", "2026-11-08")] // emergencies count weekends
    public void TargetDate_ByPriority(RepairPriority priority, string reportedUtc, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), targets.TargetDate(priority, Utc(reportedUtc)));

    [Fact]
    public void TargetDate_CountsFromTheUkDate_NotTheUtcDate()
    {
        // 23:30 UTC on Tuesday 30 June is 00:30 on Wednesday 1 July in British Summer Time.
        Assert.Equal(new DateOnly(2026, 7, 8), targets.TargetDate(RepairPriority.Urgent, Utc("2026-06-30T23:30:00")));
    }

    [Fact]
    public void DampAndMould_StartsOnlyTheInvestigationClock_TheLaterStepsRunFromTheInvestigation()
    {
        var deadlines = targets.ForHazard(HazardType.DampAndMould, Utc("2026-11-02T09:00:00"))!;

        Assert.Equal(Utc("2026-11-16T23:59:59"), deadlines.InvestigateBy); // 10 working days, to the end of that UK day
        Assert.Null(deadlines.WrittenSummaryBy);
        Assert.Null(deadlines.SafetyWorkBy);
        Assert.Null(deadlines.FurtherWorkStartBy);
    }

    [Fact]
    public void EmergencyHazard_MustBeInvestigatedWithin24Hours()
    {
        var reported = Utc("2026-11-07T21:15:00");
        var deadlines = targets.ForHazard(HazardType.Emergency, reported)!;

        Assert.Equal(reported.AddHours(24), deadlines.InvestigateBy);
        Assert.Null(deadlines.SafetyWorkBy);
        Assert.Null(targets.ForHazard(HazardType.None, reported));
    }

    [Fact]
    public void Apply_DampReport_IsAHazardWithTheEarlierOfTargetAndInvestigationDate()
    {
        var repair = new Repair { Reference = "R", Description = "d", Location = "Bedroom", Priority = RepairPriority.Routine, HazardType = HazardType.DampAndMould, ReportedAt = Utc("2026-11-02T09:00:00") };

        targets.Apply(repair);

        Assert.True(repair.IsHazard);
        Assert.Equal(new DateOnly(2026, 11, 16), repair.TargetDate); // investigation (10 days) beats routine (20)
        Assert.Null(repair.WrittenSummaryBy); // not known until the investigation concludes
    }
}

public sealed class AppointmentCutOffTests
{
    [Theory]
    [InlineData("2026-11-09T17:59:00", true)]  // Monday 5:59pm GMT, appointment Tuesday
    [InlineData("2026-11-09T18:00:00", false)] // Monday 6pm GMT
    [InlineData("2026-07-06T16:59:00", true)]  // 5:59pm BST
    [InlineData("2026-07-06T17:00:00", false)] // 6pm BST
    public void CanChange_UntilSixPmUkTheDayBefore(string nowUtc, bool expected)
    {
        var now = DateTimeOffset.Parse(nowUtc + "Z", System.Globalization.CultureInfo.InvariantCulture);
        var appointment = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        var booking = new AppointmentBooking(null!, new FakeTimeProvider(now));

        Assert.Equal(expected, booking.CanChange(appointment));
    }
}
