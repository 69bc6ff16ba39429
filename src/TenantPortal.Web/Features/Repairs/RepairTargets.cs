using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Awaab's Law clocks for a hazard report as the report starts them: only the investigation deadline is
/// known until the investigation concludes (the later steps run from that day, see <see cref="HazardClocks"/>).</summary>
public sealed record HazardDeadlines(DateTime InvestigateBy, DateOnly? WrittenSummaryBy, DateOnly? SafetyWorkBy, DateOnly? FurtherWorkStartBy);

/// <summary>The landlord's own targets per priority (<c>Repairs:Targets</c>), as configuration.</summary>
public sealed class RepairTargetDays
{
    /// <summary>Emergency jobs: hours from the report (24 by default), an instant, not a date.</summary>
    public int EmergencyHours { get; set; } = 24;

    public int UrgentWorkingDays { get; set; } = 5;

    public int RoutineWorkingDays { get; set; } = 20;
}

/// <summary>Target times: Emergency within 24 hours (an instant), Urgent within 5 working days, Routine within 20
/// working days (the end of that UK working day), from the landlord's configuration. Awaab's Law clocks come from
/// <see cref="HazardClocks"/>. Working days are counted from the UK date of the report. Awaab's Law applies to landlords
/// in England only (<see cref="LandlordRules.AwaabsLawApplies"/>): elsewhere a hazard starts no statutory clocks.</summary>
public sealed class RepairTargets(WorkingDayCalendar calendar, RepairTargetDays? days = null, bool awaabsLawApplies = true)
{
    private readonly RepairTargetDays days = days ?? new RepairTargetDays();

    public const int UrgentWorkingDays = 5;
    public const int RoutineWorkingDays = 20;
    public const int DampInvestigationWorkingDays = HazardClocks.InvestigateWorkingDays;
    public static readonly TimeSpan EmergencyWindow = HazardClocks.EmergencyWindow;

    public WorkingDayCalendar Calendar => calendar;

    public HazardClocks Clocks { get; } = new(calendar);

    public RepairTargetDays Days => days;

    public bool AwaabsLawApplies => awaabsLawApplies;

    /// <summary>The instant by which the job should be done: the report plus the emergency hours, or the end of the UK
    /// working day the urgent or routine working days reach.</summary>
    public DateTime DueAt(RepairPriority priority, DateTime reportedAtUtc) => priority switch
    {
        RepairPriority.Emergency => reportedAtUtc + TimeSpan.FromHours(days.EmergencyHours),
        RepairPriority.Urgent => Clocks.AfterWorkingDays(reportedAtUtc, days.UrgentWorkingDays),
        _ => Clocks.AfterWorkingDays(reportedAtUtc, days.RoutineWorkingDays),
    };

    /// <summary>Done within the job's target: completed no later than <see cref="DueAt"/> (a job reported Monday 09:00
    /// and completed Tuesday 21:00 is 36 hours: not within a 24-hour target).</summary>
    public bool IsWithinTarget(RepairPriority priority, DateTime reportedAtUtc, DateTime completedAtUtc) =>
        completedAtUtc <= DueAt(priority, reportedAtUtc);

    /// <summary>The date by which the job should be done, as a UK date (the date of <see cref="DueAt"/>).</summary>
    public DateOnly TargetDate(RepairPriority priority, DateTime reportedAtUtc) => UkTime.DateOf(DueAt(priority, reportedAtUtc));

    /// <summary>The target date for a report, taking a hazard's investigation deadline into account when it is sooner.</summary>
    public DateOnly TargetDate(RepairPriority priority, HazardType hazard, DateTime reportedAtUtc)
    {
        var target = TargetDate(priority, reportedAtUtc);
        if (hazard == HazardType.None || !awaabsLawApplies)
        {
            return target;
        }

        var investigate = UkTime.DateOf(Clocks.InvestigateBy(hazard, reportedAtUtc));
        return investigate < target ? investigate : target;
    }

    /// <summary>The clocks a hazard report starts when the landlord becomes aware, or null for an ordinary repair:
    /// the investigation deadline only (the later steps are counted from the day the investigation concludes).</summary>
    public HazardDeadlines? ForHazard(HazardType hazard, DateTime awareAtUtc) => hazard == HazardType.None || !awaabsLawApplies
        ? null
        : new HazardDeadlines(Clocks.InvestigateBy(hazard, awareAtUtc), null, null, null);

    /// <summary>Sets the Awaab's Law columns on a repair from its hazard type and report time.</summary>
    public void Apply(Repair repair)
    {
        var deadlines = ForHazard(repair.HazardType, repair.ReportedAt);
        repair.IsHazard = deadlines is not null;
        repair.InvestigateBy = deadlines?.InvestigateBy;
        repair.WrittenSummaryBy = null;
        repair.SafetyWorkBy = null;
        repair.FurtherWorkStartBy = null;
        repair.TargetDate = TargetDate(repair.Priority, repair.HazardType, repair.ReportedAt);
    }
}
