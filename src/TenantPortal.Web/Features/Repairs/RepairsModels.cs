using System.ComponentModel.DataAnnotations;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>One event on the tenant's timeline: its own heading in plain words, and the note the tenant may see.</summary>
public sealed record TimelineEntry(DateTime At, string Status, string? Note);

/// <summary>A step of an open hazard case in the tenant's words ("We will inspect by ..."), and whether it is late.</summary>
public sealed record HazardStepLine(string Text, bool Overdue);

public sealed class RepairDetailsPage
{
    public required string Reference { get; init; }
    public required string What { get; init; }
    public required string Location { get; init; }
    public required string Description { get; init; }
    public required RepairStatus Status { get; init; }
    public required DateTime ReportedAt { get; init; }
    public required DateOnly TargetDate { get; init; }
    public string? Appointment { get; init; }
    public bool CanChangeAppointment { get; init; }
    public bool CanBook { get; init; }
    public bool IsOpen => Repair.IsOpenStatus(Status);
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }
    /// <summary>The repair's photos that are still kept (thumbnails link to the full photo).</summary>
    public required IReadOnlyList<int> PhotoIds { get; init; }

    /// <summary>Photos deleted after the retention period.</summary>
    public int RemovedPhotoCount { get; init; }
    public bool CanAddPhotos { get; init; }
    public bool AskForFeedback { get; init; }
    public int? FeedbackRating { get; init; }
    public string? WhatHappensNext { get; init; }

    /// <summary>An open Awaab's Law case: its dates replace "To be done by", so the tenant sees one set of dates.</summary>
    public bool IsHazardCase { get; init; }
    public IReadOnlyList<HazardStepLine> HazardSteps { get; init; } = [];
    public string? WrittenSummary { get; init; }
    /// <summary>The Schedule defect of a Right to Repair qualifying repair (council landlords), if any.</summary>
    public RightToRepairDefect? RightToRepairDefect { get; init; }
    /// <summary>On a recall job: the reference of the repair that was not fixed.</summary>
    public string? RecallOf { get; init; }
    public bool CanSayNotFixed { get; init; }
    public DateOnly? NotFixedUntil { get; init; }
}

public sealed class AddInformationForm
{
    [StringLength(1000, ErrorMessage = "The information must be 1,000 characters or fewer")]
    public string? Information { get; set; }
}

public sealed class FeedbackForm
{
    [Required(ErrorMessage = "Select how satisfied you are with the repair, or \"Don't know\"")]
    [Range(0, 5, ErrorMessage = "Select how satisfied you are with the repair, or \"Don't know\"")]
    public int? RepairRating { get; set; }

    [Required(ErrorMessage = "Select how satisfied you are with the time it took, or \"Don't know\"")]
    [Range(0, 5, ErrorMessage = "Select how satisfied you are with the time it took, or \"Don't know\"")]
    public int? TimeRating { get; set; }

    [StringLength(1000, ErrorMessage = "Your comment must be 1,000 characters or fewer")]
    public string? Comment { get; set; }
}

public sealed class ConfirmPage
{
    public required string Reference { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public required string Action { get; init; }
    public required string Button { get; init; }
}

public sealed class ChangeAppointmentPage
{
    public required string Reference { get; init; }
    public string? Current { get; init; }

    /// <summary>The week of free times shown (none when there are no other times).</summary>
    public required SlotWeekPage Week { get; init; }
}

/// <summary>One photo thumbnail (<c>_PhotoThumbnail</c>): the full photo's address (the thumbnail is at
/// <c>{Href}/thumbnail</c>) and its text alternative.</summary>
public sealed record PhotoThumbnail(string Href, string Alt);
