using System.ComponentModel.DataAnnotations;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Admin.Repairs;

public sealed record PatchOption(int Id, string Name);

public sealed record RepairQueueView(RepairQueuePage Page, IReadOnlyList<PatchOption> Patches, PatchOption? MyPatch);

public sealed record RepairDetails(
    int Id,
    string Reference,
    Guid Version,
    string Area,
    string Item,
    string Problem,
    string JobCode,
    string Description,
    string Location,
    RepairPriority Priority,
    RepairStatus Status,
    Trade Trade,
    RepairChannel Channel,
    DateTime ReportedAt,
    DateOnly TargetDate,
    string? WhoWillBeHome,
    string? AccessNotes,
    string? ContactPhone,
    bool IsHazard,
    HazardType HazardType,
    DateTime? InvestigateBy,
    DateTime? InvestigatedAt,
    DateOnly? WrittenSummaryBy,
    DateOnly? SafetyWorkBy,
    DateOnly? FurtherWorkStartBy,
    DateTime? CompletedAt,
    string? CompletionNotes,
    DateTime? CancelledAt,
    int? TenancyId,
    string? TenancyReference,
    string Address,
    string? PatchName,
    int PatchId)
{
    public bool IsOpen => Repair.IsOpenStatus(Status);
}

public sealed record RepairTenantRow(
    int Id,
    string Name,
    TenantRole Role,
    string? MobilePhone,
    string? HomePhone,
    string? Email,
    bool HasCautionaryAlert,
    string? InterpreterLanguage,
    string? HearingOrSightNeeds,
    bool NeedsLargePrint,
    string? Advocate)
{
    /// <summary>What an officer must arrange before calling or visiting, in words ("Polish interpreter", "Large print").</summary>
    public IReadOnlyList<string> SupportNeeds =>
    [
        .. InterpreterLanguage is { Length: > 0 } language ? [$"{language} interpreter"] : Array.Empty<string>(),
        .. HearingOrSightNeeds is { Length: > 0 } hearing ? [$"Hearing or sight: {hearing}"] : Array.Empty<string>(),
        .. NeedsLargePrint ? ["Letters in large print"] : Array.Empty<string>(),
        .. Advocate is { Length: > 0 } advocate ? [$"Speaks to us through {advocate}"] : Array.Empty<string>(),
    ];
}

public sealed record RepairHistoryRow(RepairStatus Status, DateTime At, string? Note, bool NoteVisibleToTenant, string ChangedBy, RepairChannel Channel);

public sealed record RepairAppointmentRow(DateOnly Date, SlotPeriod Period, AppointmentStatus Status, DateTime BookedAt, string BookedBy);

/// <summary>A repair photo; <see cref="Kept"/> is false once retention has deleted it.</summary>
public sealed record RepairPhotoRow(int Id, string StoredFileName, string ContentType, long SizeBytes, DateTime UploadedAt, bool Kept);

public sealed record RepairFeedbackRow(int RepairRating, int TimeRating, string? Comment, DateTime At);

public sealed class RepairPageModel
{
    /// <summary>The Schedule defect of a Right to Repair qualifying repair (council landlords), if any.</summary>
    public Features.Repairs.RightToRepairDefect? RightToRepairDefect { get; init; }

    public required RepairDetails Repair { get; init; }
    public IReadOnlyList<RepairTenantRow> Tenants { get; init; } = [];
    public IReadOnlyList<RepairHistoryRow> History { get; init; } = [];
    public IReadOnlyList<RepairAppointmentRow> Appointments { get; init; } = [];
    public IReadOnlyList<RepairPhotoRow> Photos { get; init; } = [];
    public RepairFeedbackRow? Feedback { get; init; }
    public string? Message { get; set; }

    public StatusForm StatusForm { get; set; } = new();
    public PriorityForm PriorityForm { get; set; } = new();
    public CompleteForm CompleteForm { get; set; } = new();
    public CancelForm CancelForm { get; set; } = new();
    public BookForm BookForm { get; set; } = new();

    /// <summary>Free slots for the repair's trade in its patch (open repairs only).</summary>
    public IReadOnlyList<TenantPortal.Web.Features.Repairs.SlotOption> Slots { get; init; } = [];
    public bool HasBookedAppointment => Appointments.Any(a => a.Status == AppointmentStatus.Booked);
}

public sealed class BookForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Select a time for the appointment")]
    public int? SlotId { get; set; }
}

/// <summary>"tenant": the tenant sees the note on their repair page and in the email; "internal": staff only.</summary>
public static class NoteVisibility
{
    public const string Tenant = "tenant";
    public const string Internal = "internal";
}

public sealed class StatusForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Select the new status")]
    public RepairStatus? Status { get; set; }

    [StringLength(1000, ErrorMessage = "The note must be 1,000 characters or fewer")]
    public string? Note { get; set; }

    [Required(ErrorMessage = "Select who can see the note")]
    public string? NoteVisibility { get; set; } = Repairs.NoteVisibility.Internal;
}

public sealed class PriorityForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Select the new priority")]
    public RepairPriority? Priority { get; set; }

    [Required(ErrorMessage = "Enter the reason for the change")]
    [StringLength(500, ErrorMessage = "The reason must be 500 characters or fewer")]
    public string? Reason { get; set; }
}

public sealed class CompleteForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter the completion notes")]
    [StringLength(1000, ErrorMessage = "The completion notes must be 1,000 characters or fewer")]
    public string? CompletionNotes { get; set; }

    [Required(ErrorMessage = "Select who can see the notes")]
    public string? NoteVisibility { get; set; } = Repairs.NoteVisibility.Tenant;
}

public sealed class CancelForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter the reason for cancelling")]
    [StringLength(1000, ErrorMessage = "The reason must be 1,000 characters or fewer")]
    public string? Reason { get; set; }

    [Required(ErrorMessage = "Select who can see the reason")]
    public string? NoteVisibility { get; set; } = Repairs.NoteVisibility.Tenant;
}

public sealed record NoteVisibilityField(string Name, string? Value, string Legend);
