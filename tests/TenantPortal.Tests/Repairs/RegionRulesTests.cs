using Microsoft.Extensions.Configuration;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Repairs;

/// <summary>The region chooses the bank holidays (GOV.UK's lists for England and Wales, Scotland and Northern Ireland,
/// computed by the PublicHoliday package) and configuration adds, moves and removes days.</summary>
public sealed class RegionRulesTests
{
    private static WorkingDayCalendar Calendar(UkRegion region) => new(region, BankHolidayChanges.None);

    private static DateOnly Day(string value) => DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(UkRegion.England, "2026-12-24", 1, "2026-12-29")] // Christmas Friday, Boxing Day Saturday -> substitute Monday 28th
    [InlineData(UkRegion.Wales, "2026-12-24", 1, "2026-12-29")]
    [InlineData(UkRegion.Scotland, "2026-12-24", 1, "2026-12-29")]
    [InlineData(UkRegion.NorthernIreland, "2026-12-24", 1, "2026-12-29")]
    [InlineData(UkRegion.England, "2026-12-31", 1, "2027-01-04")] // New Year's Day Friday
    [InlineData(UkRegion.Wales, "2026-12-31", 1, "2027-01-04")]
    [InlineData(UkRegion.Scotland, "2026-12-31", 1, "2027-01-05")] // and 2 January (a Saturday) -> substitute Monday 4th
    [InlineData(UkRegion.NorthernIreland, "2026-12-31", 1, "2027-01-04")]
    [InlineData(UkRegion.England, "2026-12-23", 5, "2027-01-04")] // 24, 29, 30, 31 December, 4 January
    [InlineData(UkRegion.Scotland, "2026-12-23", 5, "2027-01-05")]
    public void Working_days_across_Christmas_and_New_Year_follow_the_regions_bank_holidays(UkRegion region, string start, int days, string expected) =>
        Assert.Equal(Day(expected), Calendar(region).AddWorkingDays(Day(start), days));

    [Fact]
    public void In_Scotland_2_January_is_a_bank_holiday_and_Easter_Monday_is_not()
    {
        var scotland = Calendar(UkRegion.Scotland);

        Assert.True(scotland.IsBankHoliday(Day("2026-01-02")));
        Assert.False(Calendar(UkRegion.England).IsBankHoliday(Day("2026-01-02")));
        Assert.Equal(Day("2026-01-05"), scotland.AddWorkingDays(Day("2025-12-31"), 1));
        Assert.False(scotland.IsBankHoliday(Day("2026-04-06")));  // GOV.UK's Scottish list has no Easter Monday
        Assert.True(scotland.IsBankHoliday(Day("2026-08-03")));   // summer: first Monday in August
        Assert.False(scotland.IsBankHoliday(Day("2026-08-31")));
        Assert.True(scotland.IsBankHoliday(Day("2026-11-30")));   // St Andrew's Day
    }

    [Fact]
    public void In_Northern_Ireland_St_Patricks_Day_and_12_July_are_bank_holidays()
    {
        var northernIreland = Calendar(UkRegion.NorthernIreland);

        Assert.True(northernIreland.IsBankHoliday(Day("2026-03-17")));
        Assert.Equal(Day("2026-03-18"), northernIreland.AddWorkingDays(Day("2026-03-16"), 1));
        Assert.Equal(Day("2026-03-17"), Calendar(UkRegion.England).AddWorkingDays(Day("2026-03-16"), 1));
        // 12 July 2026 is a Sunday: the holiday is Monday 13 July.
        Assert.True(northernIreland.IsBankHoliday(Day("2026-07-13")));
        Assert.Equal(Day("2026-07-14"), northernIreland.AddWorkingDays(Day("2026-07-10"), 1));
        Assert.True(northernIreland.IsBankHoliday(Day("2027-07-12")));
        Assert.False(Calendar(UkRegion.England).IsBankHoliday(Day("2026-07-13")));
    }

    [Fact]
    public void A_configured_day_can_be_added_moved_and_removed()
    {
        var calendar = new WorkingDayCalendar(UkRegion.England, new BankHolidayChanges(
            Add: [Day("2026-06-15")],
            Remove: [Day("2026-08-31")],
            Move: [new BankHolidayMove(Day("2026-05-04"), Day("2026-05-08"))]));

        Assert.False(calendar.IsWorkingDay(Day("2026-06-15")));   // added
        Assert.Equal(Day("2026-06-16"), calendar.AddWorkingDays(Day("2026-06-12"), 1));
        Assert.True(calendar.IsWorkingDay(Day("2026-08-31")));    // removed: the summer bank holiday is worked
        Assert.Equal(Day("2026-08-31"), calendar.AddWorkingDays(Day("2026-08-28"), 1));
        Assert.True(calendar.IsWorkingDay(Day("2026-05-04")));    // moved from the early May Monday...
        Assert.False(calendar.IsWorkingDay(Day("2026-05-08")));   // ...to the Friday
        Assert.Equal(Day("2026-05-11"), calendar.AddWorkingDays(Day("2026-05-07"), 1));
    }

    [Fact]
    public void Settings_choose_the_region_and_its_changes()
    {
        var rules = LandlordRules.From(Settings(new()
        {
            [LandlordRules.RegionKey] = "Scotland",
            ["Repairs:BankHolidays:Remove:0"] = "2026-11-30",
            ["Repairs:BankHolidays:Move:0:From"] = "2026-08-03",
            ["Repairs:BankHolidays:Move:0:To"] = "2026-08-10",
            ["Repairs:ExtraBankHolidays:0"] = "2026-06-15",
        }));

        Assert.Equal(UkRegion.Scotland, rules.Region);
        Assert.True(rules.Calendar.IsWorkingDay(Day("2026-11-30")));
        Assert.True(rules.Calendar.IsWorkingDay(Day("2026-08-03")));
        Assert.False(rules.Calendar.IsWorkingDay(Day("2026-08-10")));
        Assert.False(rules.Calendar.IsWorkingDay(Day("2026-06-15")));
        Assert.False(rules.AwaabsLawApplies);
    }

    [Theory]
    [InlineData(UkRegion.England, "0800 111 999")]
    [InlineData(UkRegion.Wales, "0800 111 999")]
    [InlineData(UkRegion.Scotland, "0800 111 999")]
    [InlineData(UkRegion.NorthernIreland, "0800 002 001")]
    public void The_gas_emergency_number_is_0800_111_999_in_Great_Britain_and_0800_002_001_in_Northern_Ireland(UkRegion region, string number) =>
        Assert.Equal(number, new LandlordRules(region, LandlordType.HousingAssociation, BankHolidayChanges.None).GasEmergencyNumber);

    [Theory]
    [InlineData(UkRegion.England, true)]
    [InlineData(UkRegion.Wales, false)]
    [InlineData(UkRegion.Scotland, false)]
    [InlineData(UkRegion.NorthernIreland, false)]
    public void Awaabs_Law_the_Hazards_in_Social_Housing_England_Regulations_2025_applies_only_in_England(UkRegion region, bool applies)
    {
        var rules = new LandlordRules(region, LandlordType.HousingAssociation, BankHolidayChanges.None);
        var targets = new RepairTargets(rules.Calendar, awaabsLawApplies: rules.AwaabsLawApplies);
        var repair = new Repair
        {
            Reference = "R2026-00001",
            Description = "Black mould",
            Location = "Bedroom",
            Priority = RepairPriority.Urgent,
            HazardType = HazardType.DampAndMould,
            ReportedAt = new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc),
        };

        targets.Apply(repair);

        Assert.Equal(applies, rules.AwaabsLawApplies);
        Assert.Equal(applies, repair.IsHazard);
        Assert.Equal(applies, repair.InvestigateBy is not null);
        Assert.Equal(applies, targets.ForHazard(HazardType.Emergency, repair.ReportedAt) is not null);
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
