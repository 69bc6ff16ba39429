using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>The changes each recorded step makes to a hazard case, on tracked entities, with no database or
/// validation of its own: <see cref="HazardCases"/> (officers and tenants) and the demo seeder call these, so the case,
/// its next deadline and the repair's Awaab's Law columns are always set the same way.</summary>
public sealed class HazardCaseSteps(RepairTargets targets)
{
    private readonly HazardClocks clocks = targets.Clocks;

    public HazardClocks Clocks => clocks;

    /// <summary>Opens (or reopens) the case: the clocks start when the landlord became aware.</summary>
    /// <summary>Awaab's Law is the Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025:
    /// landlords in Wales, Scotland and Northern Ireland open no hazard cases and run no statutory clocks.</summary>
    public bool Apply => targets.AwaabsLawApplies;

    public RepairHazardCase Classify(Repair repair, HazardType kind, DateTime awareAtUtc, string by, string? reason, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(kind, HazardType.None);
        var c = repair.HazardCase;
        if (c is null)
        {
            c = new RepairHazardCase { Repair = repair, ClassifiedBy = by, AwareRecordedBy = by, AwareAt = awareAtUtc };
            repair.HazardCase = c;
        }

        c.Kind = kind;
        c.ClassifiedAt = nowUtc;
        c.ClassifiedBy = by;
        c.ClassificationReason = reason;
        c.ClosedReason = null;
        c.ClosedAt = null;
        repair.HazardType = kind;
        repair.IsHazard = true;
        Refresh(repair, nowUtc);
        return c;
    }

    /// <summary>Not a hazard after all: the case closes with the reason and the repair goes back to its own target.</summary>
    public void Declassify(Repair repair, string reason, DateTime nowUtc)
    {
        var c = repair.HazardCase ?? throw new InvalidOperationException("The repair has no hazard case.");
        c.ClosedReason = reason;
        c.ClosedAt = nowUtc;
        repair.HazardType = HazardType.None;
        repair.IsHazard = false;
        Refresh(repair, nowUtc);
    }

    public void RecordAware(Repair repair, DateTime awareAtUtc, string by, DateTime nowUtc)
    {
        var c = Case(repair);
        c.AwareAt = awareAtUtc;
        c.AwareRecordedBy = by;
        Refresh(repair, nowUtc);
    }

    public void RecordInvestigation(Repair repair, DateTime atUtc, string by, bool hazardFound, HazardType kind, string findings, bool furtherWorkNeeded, DateTime nowUtc)
    {
        var c = Case(repair);
        c.InvestigatedAt = atUtc;
        c.InvestigatedBy = by;
        c.HazardFound = hazardFound;
        c.Findings = findings;
        c.FurtherWorkNeeded = hazardFound && furtherWorkNeeded;
        if (hazardFound && kind != HazardType.None)
        {
            c.Kind = kind;
            repair.HazardType = kind;
        }

        Refresh(repair, nowUtc);
    }

    public void RecordSummarySent(Repair repair, DateTime atUtc, string by, string text, DateTime nowUtc)
    {
        var c = Case(repair);
        c.SummarySentAt = atUtc;
        c.SummarySentBy = by;
        c.SummaryText = text;
        Refresh(repair, nowUtc);
    }

    public void RecordSafetyWork(Repair repair, DateTime atUtc, string notes, DateTime nowUtc)
    {
        var c = Case(repair);
        c.SafetyWorkDoneAt = atUtc;
        c.SafetyWorkNotes = notes;
        Refresh(repair, nowUtc);
    }

    public void RecordFurtherWorkStarted(Repair repair, DateTime atUtc, string notes, DateTime nowUtc)
    {
        var c = Case(repair);
        c.FurtherWorkStartedAt = atUtc;
        c.FurtherWorkNotes = notes;
        Refresh(repair, nowUtc);
    }

    /// <summary>The case's next step, and the repair's Awaab's Law columns (kept for the HMS and older readers),
    /// from the case's recorded events.</summary>
    public void Refresh(Repair repair, DateTime nowUtc)
    {
        var c = Case(repair);
        clocks.Refresh(c, nowUtc);
        var steps = c.ClosedReason is null ? clocks.Steps(c) : [];
        repair.InvestigateBy = steps.FirstOrDefault(s => s.Kind == HazardStepKind.Investigate)?.DueAt;
        repair.InvestigatedAt = c.ClosedReason is null ? c.InvestigatedAt : null;
        repair.WrittenSummaryBy = DateOf(steps, HazardStepKind.WrittenSummary);
        repair.SafetyWorkBy = DateOf(steps, HazardStepKind.SafetyWork) ?? DateOf(steps, HazardStepKind.MakeSafe);
        repair.FurtherWorkStartBy = DateOf(steps, HazardStepKind.FurtherWork);
        var target = targets.TargetDate(repair.Priority, repair.ReportedAt);
        repair.TargetDate = repair.InvestigateBy is { } by && UkTime.DateOf(by) < target ? UkTime.DateOf(by) : target;
    }

    private static DateOnly? DateOf(IReadOnlyList<HazardStep> steps, HazardStepKind kind) =>
        steps.FirstOrDefault(s => s.Kind == kind) is { } step ? UkTime.DateOf(step.DueAt) : null;

    private static RepairHazardCase Case(Repair repair) => repair.HazardCase ?? throw new InvalidOperationException("The repair has no hazard case.");
}
