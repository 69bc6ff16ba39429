using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Seeding;

public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    public void EasterSunday_KnownYears_MatchesPublishedDates(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), WorkingDays.EasterSunday(year));

    [Fact]
    public void BankHolidays_2026_AreTheEightPublishedDays()
    {
        var expected = new[]
        {
            new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6), new DateOnly(2026, 5, 4),
            new DateOnly(2026, 5, 25), new DateOnly(2026, 8, 31), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28),
        };

        Assert.Equal(expected.ToHashSet(), WorkingDays.BankHolidays(2026).ToHashSet());
    }

    [Fact]
    public void BankHolidays_ChristmasOnASaturday_SubstitutesMondayAndTuesday()
    {
        var holidays = WorkingDays.BankHolidays(2027);

        Assert.Contains(new DateOnly(2027, 12, 27), holidays);
        Assert.Contains(new DateOnly(2027, 12, 28), holidays);
        Assert.DoesNotContain(new DateOnly(2027, 12, 25), holidays);
    }

    [Fact]
    public void AddWorkingDays_OverChristmas_SkipsWeekendsAndBankHolidays()
    {
        // Wed 23 Dec 2026 + 2 working days: Thu 24, then Fri 25 (holiday), Sat, Sun, Mon 28 (substitute) -> Tue 29.
        Assert.Equal(new DateOnly(2026, 12, 29), WorkingDays.AddWorkingDays(new DateOnly(2026, 12, 23), 2));
    }

    [Fact]
    public void AddWorkingDays_FromFriday_LandsOnMonday() =>
        Assert.Equal(new DateOnly(2026, 11, 23), WorkingDays.AddWorkingDays(new DateOnly(2026, 11, 20), 1));
}
