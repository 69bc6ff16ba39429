using System.Globalization;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Plain-English words for repair states and dates, shared by pages and emails.</summary>
public static class RepairWording
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Status(RepairStatus status) => status switch
    {
        RepairStatus.Reported => "We have your report",
        RepairStatus.Booked => "Appointment booked",
        RepairStatus.InProgress => "Work in progress",
        RepairStatus.OnHold => "On hold",
        RepairStatus.Completed => "Finished",
        RepairStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string StatusTag(RepairStatus status) => status switch
    {
        RepairStatus.Completed => "tag tag--green",
        RepairStatus.Cancelled => "tag tag--grey",
        RepairStatus.OnHold => "tag tag--yellow",
        _ => "tag",
    };

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", EnGb);

    public static string DateTime(DateTime utc) => UkTime.ToUk(utc).ToString("d MMMM yyyy 'at' h:mmtt", EnGb).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);

    public static string WhatHappensNext(RepairPriority priority, HazardType hazard, DateOnly target, DateTime? investigateBy, bool hasAlert)
    {
        if (hazard == HazardType.DampAndMould)
        {
            var by = investigateBy is { } i ? Date(UkTime.DateOf(i)) : Date(target);
            return $"Damp and mould can affect your health, so we treat it as a priority. We will contact you to arrange an inspection, and we will inspect by {by}. After the inspection we will write to you within 3 working days to say what we found and what we will do.";
        }

        if (priority == RepairPriority.Emergency || hazard == HazardType.Emergency)
        {
            var by = investigateBy is { } i ? DateTime(i) : Date(target);
            return $"This is an emergency: we will attend within 24 hours, by {by}, to make it safe. We will phone you before we come.";
        }

        if (hasAlert)
        {
            return $"We'll call you to arrange a time. The work should be done by {Date(target)}.";
        }

        return $"We will contact you to arrange a time. The work should be done by {Date(target)}.";
    }

    /// <summary>The timeline in plain words: a status heading only where the status changed (or for the first event);
    /// any other event (an appointment cancelled, information added, a hazard step) is headed by its own words.</summary>
    public static IReadOnlyList<TimelineEntry> Timeline(IReadOnlyList<(DateTime At, RepairStatus Status, string? Note)> history)
    {
        var entries = new List<TimelineEntry>();
        RepairStatus? previous = null;
        foreach (var (at, status, note) in history)
        {
            if (previous != status)
            {
                entries.Add(new TimelineEntry(at, Status(status), note));
            }
            else if (note is not null)
            {
                entries.Add(new TimelineEntry(at, note, null));
            }

            previous = status;
        }

        return entries;
    }

    /// <summary>What we will do next on an open hazard case, with the dates the law sets.</summary>
    public static IReadOnlyList<HazardStepLine> HazardSteps(IReadOnlyList<HazardStep> steps, HazardType kind, DateTime nowUtc) =>
        steps.Where(s => !s.IsDone).OrderBy(s => s.DueAt).Select(s => new HazardStepLine(HazardStep(s.Kind, kind, s.DueAt), s.IsOverdueAt(nowUtc))).ToList();

    /// <summary>One hazard step in the tenant's words: "We will inspect by Monday 16 November 2026".</summary>
    public static string HazardStep(HazardStepKind step, HazardType kind, DateTime dueAtUtc)
    {
        var by = kind == HazardType.Emergency || step == HazardStepKind.MakeSafe ? DateTime(dueAtUtc) : Date(UkTime.DateOf(dueAtUtc));
        return step switch
        {
            HazardStepKind.Investigate => $"We will inspect by {by}",
            HazardStepKind.MakeSafe or HazardStepKind.SafetyWork => $"We will make your home safe by {by}",
            HazardStepKind.WrittenSummary => $"We will write to you with what we found by {by}",
            _ => $"We will start the work to stop it coming back by {by}",
        };
    }
}
