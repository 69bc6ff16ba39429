using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Awaab's Law clocks for a hazard report. Null where the rule does not apply.</summary>
public sealed record HazardDeadlines(DateTime InvestigateBy, DateOnly? WrittenSummaryBy, DateOnly? SafetyWorkBy, DateOnly? FurtherWorkStartBy);

/// <summary>Target dates: Emergency within 24 hours, Urgent within 5 working days, Routine within 20 working days;
/// Awaab's Law: emergency hazards investigated and made safe within 24 hours; damp and mould investigated within 10
/// working days, a written summary within 3 working days of investigating, safety work within 5 working days and
/// further work started within 12 weeks. Working days are counted from the UK date of the report. Awaab's Law applies
/// to landlords in England only (<see cref="LandlordRules.AwaabsLawApplies"/>): elsewhere a hazard starts no clocks.</summary>
public sealed class RepairTargets(WorkingDayCalendar calendar, bool awaabsLawApplies = true)
{
    public const int UrgentWorkingDays = 5;
    public const int RoutineWorkingDays = 20;
    public const int DampInvestigationWorkingDays = 10;
    public const int WrittenSummaryWorkingDays = 3;
    public const int SafetyWorkWorkingDays = 5;
    public const int FurtherWorkWeeks = 12;
    public static readonly TimeSpan EmergencyWindow = TimeSpan.FromHours(24);

    public WorkingDayCalendar Calendar => calendar;

    /// <summary>The date by which the job should be done, as a UK date.</summary>
    public DateOnly TargetDate(RepairPriority priority, DateTime reportedAtUtc)
    {
        var reportedDate = UkTime.DateOf(reportedAtUtc);
        return priority switch
        {
            RepairPriority.Emergency => UkTime.DateOf(reportedAtUtc + EmergencyWindow),
            RepairPriority.Urgent => calendar.AddWorkingDays(reportedDate, UrgentWorkingDays),
            _ => calendar.AddWorkingDays(reportedDate, RoutineWorkingDays),
        };
    }

    /// <summary>The target date for a report, taking a hazard's investigation deadline into account when it is sooner.</summary>
    public DateOnly TargetDate(RepairPriority priority, HazardType hazard, DateTime reportedAtUtc)
    {
        var target = TargetDate(priority, reportedAtUtc);
        var deadlines = ForHazard(hazard, reportedAtUtc);
        if (deadlines is null)
        {
            return target;
        }

        var investigate = UkTime.DateOf(deadlines.InvestigateBy);
        return investigate < target ? investigate : target;
    }

    /// <summary>The clocks a hazard report starts, or null for an ordinary repair. Before the investigation the
    /// summary, safety-work and further-work dates are counted from the latest lawful investigation date; call
    /// <see cref="AfterInvestigation"/> when the investigation is done.</summary>
    public HazardDeadlines? ForHazard(HazardType hazard, DateTime reportedAtUtc)
    {
        switch (awaabsLawApplies ? hazard : HazardType.None)
        {
            case HazardType.Emergency:
                return new HazardDeadlines(reportedAtUtc + EmergencyWindow, null, null, null);
            case HazardType.DampAndMould:
                var investigateDate = calendar.AddWorkingDays(UkTime.DateOf(reportedAtUtc), DampInvestigationWorkingDays);
                var investigateBy = UkTime.ToUtc(investigateDate, new TimeOnly(23, 59));
                var after = AfterInvestigation(investigateDate);
                return after with { InvestigateBy = investigateBy };
            default:
                return null;
        }
    }

    /// <summary>The damp and mould clocks that run from the day the investigation concluded.</summary>
    public HazardDeadlines AfterInvestigation(DateOnly investigatedOn) => new(
        UkTime.ToUtc(investigatedOn, new TimeOnly(23, 59)),
        calendar.AddWorkingDays(investigatedOn, WrittenSummaryWorkingDays),
        calendar.AddWorkingDays(investigatedOn, SafetyWorkWorkingDays),
        investigatedOn.AddDays(7 * FurtherWorkWeeks));

    /// <summary>Sets the Awaab's Law columns on a repair from its hazard type and report time.</summary>
    public void Apply(Repair repair)
    {
        var deadlines = ForHazard(repair.HazardType, repair.ReportedAt);
        repair.IsHazard = deadlines is not null;
        repair.InvestigateBy = deadlines?.InvestigateBy;
        repair.WrittenSummaryBy = deadlines?.WrittenSummaryBy;
        repair.SafetyWorkBy = deadlines?.SafetyWorkBy;
        repair.FurtherWorkStartBy = deadlines?.FurtherWorkStartBy;
        repair.TargetDate = TargetDate(repair.Priority, repair.HazardType, repair.ReportedAt);
    }
}
