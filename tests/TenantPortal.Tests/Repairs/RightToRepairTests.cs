using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Repairs;

/// <summary>The Secure Tenants of Local Housing Authorities (Right to Repair) Regulations 1994 (SI 1994/133): the
/// Schedule's prescribed periods, counted in working days from the day the council received the application; a second
/// contractor when the first misses the period; and "compensation of £10, plus £2 per day for every day that the repair
/// remains outstanding, up to a maximum payment of £50" when the second misses it too (the Minister's written answer
/// laying the regulations, HC Deb 31 January 1994, checked on api.parliament.uk; the Schedule checked against
/// legislation.gov.uk, uksi/1994/133/schedules/made; the regulations' own compensation text was not available).</summary>
public sealed class RightToRepairTests
{
    private static readonly RightToRepair Council = new(new LandlordRules(UkRegion.England, LandlordType.Council, BankHolidayChanges.None));

    private static DateOnly Day(string value) => DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime Utc(string value) => DateTime.SpecifyKind(DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    [InlineData(LandlordType.Council, UkRegion.England, true)]
    [InlineData(LandlordType.Council, UkRegion.Wales, true)]
    [InlineData(LandlordType.Council, UkRegion.Scotland, false)]
    [InlineData(LandlordType.Council, UkRegion.NorthernIreland, false)]
    [InlineData(LandlordType.HousingAssociation, UkRegion.England, false)]
    public void The_Right_to_Repair_is_for_secure_tenants_of_councils_in_England_and_Wales(LandlordType type, UkRegion region, bool applies)
    {
        var rightToRepair = new RightToRepair(new LandlordRules(region, type, BankHolidayChanges.None));

        Assert.Equal(applies, rightToRepair.Applies);
        Assert.Equal(applies, rightToRepair.Notice(RightToRepairDefect.LeakingRoof, Utc("2026-11-02T10:00:00")) is not null);
    }

    [Theory]
    [InlineData(RightToRepairDefect.TotalLossOfElectricPower, 1)]
    [InlineData(RightToRepairDefect.PartialLossOfElectricPower, 3)]
    [InlineData(RightToRepairDefect.InsecureExternalWindowDoorOrLock, 1)]
    [InlineData(RightToRepairDefect.BlockedSinkBathOrBasin, 3)]
    [InlineData(RightToRepairDefect.TapWhichCannotBeTurned, 3)]
    [InlineData(RightToRepairDefect.LeakingRoof, 7)]
    [InlineData(RightToRepairDefect.DoorEntryphoneNotWorking, 7)]
    [InlineData(RightToRepairDefect.MechanicalExtractorFanInInternalKitchenOrBathroomNotWorking, 7)]
    public void Each_defect_in_the_Schedule_has_its_prescribed_period_in_working_days(RightToRepairDefect defect, int days) =>
        Assert.Equal(days, RightToRepair.PrescribedWorkingDays(defect, Day("2026-06-01")));

    // "Total or partial loss of space or water heating between 31st October and 1st May: 1"; "between 30th April and
    // 1st November: 3".
    [Theory]
    [InlineData("2026-10-31", 3)]
    [InlineData("2026-11-01", 1)]
    [InlineData("2027-04-30", 1)]
    [InlineData("2027-05-01", 3)]
    public void Loss_of_heating_is_1_working_day_from_1_November_to_30_April_and_3_otherwise(string received, int days) =>
        Assert.Equal(days, RightToRepair.PrescribedWorkingDays(RightToRepairDefect.TotalOrPartialLossOfSpaceOrWaterHeating, Day(received)));

    [Theory]
    [InlineData(RightToRepairDefect.InsecureExternalWindowDoorOrLock, "2026-11-06T10:00:00", 1, "2026-11-09")] // Friday -> Monday
    [InlineData(RightToRepairDefect.LeakingRoof, "2026-11-02T10:00:00", 7, "2026-11-11")]
    [InlineData(RightToRepairDefect.BlockedSinkBathOrBasin, "2026-12-23T10:00:00", 3, "2026-12-30")] // over Christmas
    [InlineData(RightToRepairDefect.TotalOrPartialLossOfSpaceOrWaterHeating, "2026-04-30T23:30:00", 3, "2026-05-07")] // 00:30 BST on Friday 1 May; Monday 4 May is a bank holiday
    public void The_repair_notice_names_the_defect_its_period_and_the_last_day(RightToRepairDefect defect, string receivedUtc, int days, string lastDay)
    {
        var notice = Council.Notice(defect, Utc(receivedUtc));

        Assert.NotNull(notice);
        Assert.Equal(RightToRepair.Describe(defect), notice.Defect);
        Assert.Equal(days, notice.PrescribedWorkingDays);
        Assert.Equal(Day(lastDay), notice.LastDay);
    }

    [Fact]
    public void A_repair_that_is_not_in_the_Schedule_gets_no_notice() =>
        Assert.Null(Council.Notice(null, Utc("2026-11-02T10:00:00")));

    // Regulation 2: a qualifying repair is one "which the landlord estimates will cost not more than £250".
    [Theory]
    [InlineData(null, true)]       // no estimate yet: the Schedule defect qualifies
    [InlineData("250.00", true)]   // exactly £250: "not more than £250"
    [InlineData("250.01", false)]  // a penny more: not a qualifying repair
    [InlineData("1200", false)]
    public void A_Schedule_defect_is_a_qualifying_repair_only_when_the_landlord_estimates_it_will_cost_no_more_than_250_pounds(string? estimate, bool qualifying)
    {
        var cost = estimate is null ? (decimal?)null : decimal.Parse(estimate, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(qualifying, RightToRepair.IsQualifying(RightToRepairDefect.BlockedSinkBathOrBasin, cost));
        Assert.Equal(qualifying, Council.Notice(RightToRepairDefect.BlockedSinkBathOrBasin, Utc("2026-11-02T10:00:00"), cost) is not null);
        Assert.False(RightToRepair.IsQualifying(null, cost));
    }

    [Fact]
    public void A_second_contractor_may_be_asked_for_the_day_after_the_first_period_ends_and_gets_the_same_period()
    {
        var notice = Council.Notice(RightToRepairDefect.InsecureExternalWindowDoorOrLock, Utc("2026-11-06T10:00:00"))!;

        Assert.False(RightToRepair.MaySecondContractorBeAskedFor(notice, Day("2026-11-09"), completed: false));
        Assert.True(RightToRepair.MaySecondContractorBeAskedFor(notice, Day("2026-11-10"), completed: false));
        Assert.False(RightToRepair.MaySecondContractorBeAskedFor(notice, Day("2026-11-10"), completed: true));
        Assert.Equal(Day("2026-11-11"), Council.SecondContractorLastDay(notice, Day("2026-11-10")));
        Assert.Equal(Day("2026-11-16"), Council.SecondContractorLastDay(notice, Day("2026-11-13"))); // Friday -> Monday
    }

    [Theory]
    [InlineData("2026-11-10", 0)]   // done on the second period's last day: nothing
    [InlineData("2026-11-09", 0)]
    [InlineData("2026-11-11", 12)]  // £10 + £2 x 1 day
    [InlineData("2026-11-29", 48)]  // £10 + £2 x 19 days
    [InlineData("2026-11-30", 50)]  // £10 + £2 x 20 days: the cap
    [InlineData("2026-12-10", 50)]  // never more than £50
    public void Compensation_is_10_pounds_plus_2_a_day_outstanding_after_the_second_period_up_to_50_pounds(string doneOn, decimal pounds) =>
        Assert.Equal(pounds, RightToRepair.Compensation(Day("2026-11-10"), Day(doneOn)));
}
