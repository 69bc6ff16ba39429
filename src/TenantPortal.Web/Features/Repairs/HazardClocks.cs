using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>The steps of an Awaab's Law case, each with its deadline as a UTC instant and when it was done.</summary>
public enum HazardStepKind { Investigate, MakeSafe, WrittenSummary, SafetyWork, FurtherWork }

public sealed record HazardStep(HazardStepKind Kind, DateTime DueAt, DateTime? DoneAt)
{
    public bool IsDone => DoneAt is not null;

    /// <summary>Missed: not done and the deadline has passed. A missed step stays due (and overdue) until it is done.</summary>
    public bool IsOverdueAt(DateTime nowUtc) => DoneAt is null && nowUtc > DueAt;

    public TimeSpan OverdueBy(DateTime nowUtc) => IsOverdueAt(nowUtc) ? nowUtc - DueAt : TimeSpan.Zero;

    public bool WasLate => DoneAt is { } done && done > DueAt;
}

/// <summary>Awaab's Law clocks, computed from the event the Hazards in Social Housing (Prescribed Requirements)
/// (England) Regulations 2025 name, as instants in UK time. An emergency is 24 elapsed hours from becoming aware (not a
/// date); a working-day deadline ends at the end of that UK working day (23:59:59 Europe/London). Working days are the
/// landlord's <see cref="WorkingDayCalendar"/>; the day of the event itself does not count.</summary>
public sealed class HazardClocks(WorkingDayCalendar calendar)
{
    /// <summary>Emergency hazards: investigate, and make safe, "within 24 hours" of becoming aware.</summary>
    public static readonly TimeSpan EmergencyWindow = TimeSpan.FromHours(24);

    /// <summary>Significant hazards: investigate "within 10 working days" of becoming aware (regulation 6).</summary>
    public const int InvestigateWorkingDays = 10;

    /// <summary>A written summary "within 3 working days of the investigation concluding" (regulation 9).</summary>
    public const int WrittenSummaryWorkingDays = 3;

    /// <summary>Significant hazards: relevant safety work "within 5 working days of the investigation concluding" (regulation 11(2)(a)).</summary>
    public const int SafetyWorkWorkingDays = 5;

    /// <summary>Supplementary preventative work physically started "within 12 weeks" of the investigation concluding.</summary>
    public const int FurtherWorkWeeks = 12;

    public static readonly TimeOnly EndOfWorkingDay = new(23, 59, 59);

    /// <summary>The instant a working-day deadline ends: the end of that UK day.</summary>
    public static DateTime EndOf(DateOnly ukDay) => UkTime.ToUtc(ukDay, EndOfWorkingDay);

    public DateTime AfterWorkingDays(DateTime eventUtc, int workingDays) =>
        EndOf(calendar.AddWorkingDays(UkTime.DateOf(eventUtc), workingDays));

    public DateTime InvestigateBy(HazardType kind, DateTime awareAtUtc) => kind == HazardType.Emergency
        ? awareAtUtc + EmergencyWindow
        : AfterWorkingDays(awareAtUtc, InvestigateWorkingDays);

    /// <summary>Every step the case has now, in the order the regulation sets them. Before the investigation only its
    /// own clocks run (the later ones start when it concludes); a step stops when it is recorded as done.</summary>
    public IReadOnlyList<HazardStep> Steps(RepairHazardCase c)
    {
        var steps = new List<HazardStep> { new(HazardStepKind.Investigate, InvestigateBy(c.Kind, c.AwareAt), c.InvestigatedAt) };
        var emergency = c.Kind == HazardType.Emergency;
        if (emergency && c.HazardFound != false)
        {
            steps.Add(new(HazardStepKind.MakeSafe, c.AwareAt + EmergencyWindow, c.SafetyWorkDoneAt));
        }

        if (c.InvestigatedAt is not { } investigated)
        {
            return steps;
        }

        steps.Add(new(HazardStepKind.WrittenSummary, AfterWorkingDays(investigated, WrittenSummaryWorkingDays), c.SummarySentAt));
        if (c.HazardFound == true && !emergency)
        {
            steps.Add(new(HazardStepKind.SafetyWork, AfterWorkingDays(investigated, SafetyWorkWorkingDays), c.SafetyWorkDoneAt));
        }

        if (c.HazardFound == true && c.FurtherWorkNeeded)
        {
            steps.Add(new(HazardStepKind.FurtherWork, EndOf(UkTime.DateOf(investigated).AddDays(7 * FurtherWorkWeeks)), c.FurtherWorkStartedAt));
        }

        return steps;
    }

    /// <summary>The step due next: the earliest deadline not yet done (an overdue one comes first), or null when none is due.</summary>
    public HazardStep? Next(RepairHazardCase c) => Steps(c).Where(s => !s.IsDone).OrderBy(s => s.DueAt).FirstOrDefault();

    /// <summary>Brings the case's stored next step and open flag up to date; call after every change to it.</summary>
    public void Refresh(RepairHazardCase c, DateTime nowUtc)
    {
        if (c.ClosedReason is not null)
        {
            c.IsOpen = false;
            c.NextDueAt = null;
            c.NextStep = null;
            return;
        }

        var next = Next(c);
        c.NextDueAt = next?.DueAt;
        c.NextStep = next?.Kind.ToString();
        c.IsOpen = next is not null;
        c.ClosedAt = next is null ? c.ClosedAt ?? nowUtc : null;
    }

    public static string Name(HazardStepKind kind) => kind switch
    {
        HazardStepKind.Investigate => "Investigate",
        HazardStepKind.MakeSafe => "Make safe",
        HazardStepKind.WrittenSummary => "Written summary to the tenant",
        HazardStepKind.SafetyWork => "Safety work",
        HazardStepKind.FurtherWork => "Start further work",
        _ => kind.ToString(),
    };

    /// <summary>"2 days 3 hours", "5 hours", "40 minutes".</summary>
    public static string Duration(TimeSpan span)
    {
        static string Unit(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
        if (span.TotalDays >= 1)
        {
            return span.Hours == 0 ? Unit(span.Days, "day") : $"{Unit(span.Days, "day")} {Unit(span.Hours, "hour")}";
        }

        return span.TotalHours >= 1 ? Unit((int)span.TotalHours, "hour") : Unit(Math.Max(1, (int)Math.Ceiling(span.TotalMinutes)), "minute");
    }
}
