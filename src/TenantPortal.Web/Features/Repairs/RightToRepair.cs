namespace TenantPortal.Web.Features.Repairs;

/// <summary>The defects in the Schedule to the Secure Tenants of Local Housing Authorities (Right to Repair) Regulations
/// 1994 (SI 1994/133), "Regulations 2 and 4", each with its prescribed period in working days. A catalogue row names the
/// defect it is (<c>RepairCatalogue.RightToRepairDefect</c>); a row without one is not a qualifying repair.</summary>
public enum RightToRepairDefect
{
    TotalLossOfElectricPower,
    PartialLossOfElectricPower,
    UnsafePowerOrLightingSocketOrElectricalFitting,
    TotalLossOfWaterSupply,
    PartialLossOfWaterSupply,
    TotalOrPartialLossOfGasSupply,
    BlockedFlueToOpenFireOrBoiler,
    TotalOrPartialLossOfSpaceOrWaterHeating,
    BlockedOrLeakingFoulDrainSoilStackOrToiletPan,
    ToiletNotFlushing,
    BlockedSinkBathOrBasin,
    TapWhichCannotBeTurned,
    LeakingFromWaterOrHeatingPipeTankOrCistern,
    LeakingRoof,
    InsecureExternalWindowDoorOrLock,
    LooseOrDetachedBannisterOrHandRail,
    RottenTimberFlooringOrStairTread,
    DoorEntryphoneNotWorking,
    MechanicalExtractorFanInInternalKitchenOrBathroomNotWorking,
}

/// <summary>What the Right to Repair partial (<c>Features/Shared/_RightToRepair.cshtml</c>) needs to show a repair's
/// contractor, notice, second contractor and compensation on the tenant's and the officer's repair pages (it reads the
/// state through <see cref="RightToRepairCases.StateAsync"/>; the page has already checked who may see the repair).</summary>
public sealed record RightToRepairBox(string Reference, bool ForOfficer);

/// <summary>What the repair notice to the tenant must say, and the dates and compensation that follow from it.</summary>
/// <param name="Defect">The nature of the repair, in the Schedule's words.</param>
/// <param name="PrescribedWorkingDays">The prescribed period (1, 3 or 7 working days).</param>
/// <param name="LastDay">The last day of the prescribed period for the first contractor.</param>
public sealed record RepairNotice(string Defect, int PrescribedWorkingDays, DateOnly LastDay);

/// <summary>Right to Repair for council landlords (<see cref="LandlordRules.RightToRepairApplies"/>): a secure tenant's
/// qualifying repair (a defect in the Schedule, estimated to cost no more than £250) must be done within the prescribed
/// period, which starts on the first working day after the landlord receives the tenant's application. The landlord
/// issues a repair notice saying the nature of the repair, the contractor and the last day of the period. If the first
/// contractor misses it, the tenant may tell the landlord, who must instruct a second contractor, with a new period of
/// the same length starting the first working day after the landlord receives that notice. If the second contractor
/// misses it too, the tenant is entitled to compensation of £10, plus £2 for every day the repair remains outstanding,
/// up to £50 in all. The tenant page, the officer page and jobs use this class; none restates the rule.</summary>
public sealed class RightToRepair(LandlordRules rules)
{
    /// <summary>The prescribed sum paid when the second contractor misses the period.</summary>
    public const decimal CompensationBase = 10m;

    /// <summary>Added for each day the repair remains outstanding after the second period.</summary>
    public const decimal CompensationPerDay = 2m;

    /// <summary>The most compensation payable for one qualifying repair.</summary>
    public const decimal CompensationCap = 50m;

    /// <summary>A qualifying repair costs no more than this (estimated by the landlord).</summary>
    public const decimal QualifyingCostLimit = 250m;

    /// <summary>The cost limit as the tenant reads it: "£250".</summary>
    public static readonly string QualifyingCostLimitText = $"£{QualifyingCostLimit:0}";

    public bool Applies => rules.RightToRepairApplies;

    /// <summary>Whether a repair is a qualifying repair (regulation 2: a defect in the Schedule "which the landlord
    /// estimates will cost not more than £250"): a Schedule defect with no estimate yet, or estimated at £250 or less.</summary>
    public static bool IsQualifying(RightToRepairDefect? defect, decimal? estimatedCost) =>
        defect is not null && (estimatedCost is not { } cost || cost <= QualifyingCostLimit);

    /// <summary>The Schedule's words for a defect.</summary>
    public static string Describe(RightToRepairDefect defect) => defect switch
    {
        RightToRepairDefect.TotalLossOfElectricPower => "Total loss of electric power",
        RightToRepairDefect.PartialLossOfElectricPower => "Partial loss of electric power",
        RightToRepairDefect.UnsafePowerOrLightingSocketOrElectricalFitting => "Unsafe power or lighting socket, or electrical fitting",
        RightToRepairDefect.TotalLossOfWaterSupply => "Total loss of water supply",
        RightToRepairDefect.PartialLossOfWaterSupply => "Partial loss of water supply",
        RightToRepairDefect.TotalOrPartialLossOfGasSupply => "Total or partial loss of gas supply",
        RightToRepairDefect.BlockedFlueToOpenFireOrBoiler => "Blocked flue to open fire or boiler",
        RightToRepairDefect.TotalOrPartialLossOfSpaceOrWaterHeating => "Total or partial loss of space or water heating",
        RightToRepairDefect.BlockedOrLeakingFoulDrainSoilStackOrToiletPan => "Blocked or leaking foul drain, soil stack, or (where there is no other working toilet in the dwelling-house) toilet pan",
        RightToRepairDefect.ToiletNotFlushing => "Toilet not flushing (where there is no other working toilet in the dwelling-house)",
        RightToRepairDefect.BlockedSinkBathOrBasin => "Blocked sink, bath or basin",
        RightToRepairDefect.TapWhichCannotBeTurned => "Tap which cannot be turned",
        RightToRepairDefect.LeakingFromWaterOrHeatingPipeTankOrCistern => "Leaking from water or heating pipe, tank or cistern",
        RightToRepairDefect.LeakingRoof => "Leaking roof",
        RightToRepairDefect.InsecureExternalWindowDoorOrLock => "Insecure external window, door or lock",
        RightToRepairDefect.LooseOrDetachedBannisterOrHandRail => "Loose or detached bannister or hand rail",
        RightToRepairDefect.RottenTimberFlooringOrStairTread => "Rotten timber flooring or stair tread",
        RightToRepairDefect.DoorEntryphoneNotWorking => "Door entryphone not working",
        _ => "Mechanical extractor fan in internal kitchen or bathroom not working",
    };

    /// <summary>The prescribed period in working days. Heating: "Total or partial loss of space or water heating between
    /// 31st October and 1st May: 1", "between 30th April and 1st November: 3", by the UK date the landlord received the
    /// application.</summary>
    public static int PrescribedWorkingDays(RightToRepairDefect defect, DateOnly receivedOn) => defect switch
    {
        RightToRepairDefect.TotalOrPartialLossOfSpaceOrWaterHeating => receivedOn.Month is >= 5 and <= 10 ? 3 : 1,
        RightToRepairDefect.PartialLossOfElectricPower or RightToRepairDefect.PartialLossOfWaterSupply
            or RightToRepairDefect.BlockedSinkBathOrBasin or RightToRepairDefect.TapWhichCannotBeTurned
            or RightToRepairDefect.LooseOrDetachedBannisterOrHandRail or RightToRepairDefect.RottenTimberFlooringOrStairTread => 3,
        RightToRepairDefect.LeakingRoof or RightToRepairDefect.DoorEntryphoneNotWorking
            or RightToRepairDefect.MechanicalExtractorFanInInternalKitchenOrBathroomNotWorking => 7,
        _ => 1,
    };

    /// <summary>The repair notice for a qualifying repair reported at <paramref name="receivedAtUtc"/>, or null where the
    /// Right to Repair does not apply (not a council landlord in England or Wales, not a defect in the Schedule, or
    /// estimated to cost more than £250).</summary>
    public RepairNotice? Notice(RightToRepairDefect? defect, DateTime receivedAtUtc, decimal? estimatedCost = null)
    {
        if (!Applies || !IsQualifying(defect, estimatedCost) || defect is not { } qualifying)
        {
            return null;
        }

        var received = UkTime.DateOf(receivedAtUtc);
        var days = PrescribedWorkingDays(qualifying, received);
        return new RepairNotice(Describe(qualifying), days, rules.Calendar.AddWorkingDays(received, days));
    }

    /// <summary>The last day for the second contractor: the same prescribed period, from the first working day after
    /// the landlord received the tenant's notice that the first contractor missed the period.</summary>
    public DateOnly SecondContractorLastDay(RepairNotice notice, DateOnly tenantNoticeReceivedOn) =>
        LastDay(tenantNoticeReceivedOn, notice.PrescribedWorkingDays);

    /// <summary>The last day of a prescribed period of <paramref name="workingDays"/> that starts on the first working
    /// day after <paramref name="receivedOn"/> (the UK date the landlord received the application or the request).</summary>
    public DateOnly LastDay(DateOnly receivedOn, int workingDays) => rules.Calendar.AddWorkingDays(receivedOn, workingDays);

    /// <summary>Whether the tenant may ask for a second contractor on <paramref name="today"/>: the first period has
    /// ended and the repair is not done.</summary>
    public static bool MaySecondContractorBeAskedFor(RepairNotice notice, DateOnly today, bool completed) =>
        !completed && today > notice.LastDay;

    /// <summary>Compensation when the second contractor misses their period: £10, plus £2 for each day the repair
    /// remains outstanding after the second period's last day (up to and including the day it is done, or
    /// <paramref name="doneOrToday"/> while it is still outstanding), £50 at most. Nothing when done in time.</summary>
    public static decimal Compensation(DateOnly secondLastDay, DateOnly doneOrToday)
    {
        if (doneOrToday <= secondLastDay)
        {
            return 0m;
        }

        var daysOutstanding = doneOrToday.DayNumber - secondLastDay.DayNumber;
        return Math.Min(CompensationCap, CompensationBase + (CompensationPerDay * daysOutstanding));
    }
}
