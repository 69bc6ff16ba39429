using System.ComponentModel.DataAnnotations;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Complaints;

/// <summary>The answers of the make-a-complaint journey, kept in the journey store between its pages.</summary>
public sealed class ComplaintAnswers
{
    public ComplaintTopic? Topic { get; set; }
    public string? RepairReference { get; set; }
    public string? RelatedReference { get; set; }
    public string? Description { get; set; }
    public string? OutcomeWanted { get; set; }
}

public sealed class ComplaintAboutForm
{
    [Required(ErrorMessage = "Select what your complaint is about")]
    public ComplaintTopic? Topic { get; set; }

    public string? RepairReference { get; set; }

    [StringLength(40, ErrorMessage = "The reference must be 40 characters or fewer")]
    public string? RelatedReference { get; set; }
}

public sealed record RepairChoice(string Reference, string What);

public sealed class ComplaintAboutPage
{
    public required ComplaintAboutForm Form { get; init; }
    public required IReadOnlyList<RepairChoice> Repairs { get; init; }
}

public sealed class ComplaintDetailsForm
{
    [Required(ErrorMessage = "Enter what went wrong")]
    [StringLength(2000, ErrorMessage = "What went wrong must be 2,000 characters or fewer")]
    public string? Description { get; set; }

    [StringLength(1000, ErrorMessage = "What would put it right must be 1,000 characters or fewer")]
    public string? OutcomeWanted { get; set; }
}

public sealed class EscalateForm
{
    [Required(ErrorMessage = "Enter why you are not happy with our reply")]
    [StringLength(2000, ErrorMessage = "Your reason must be 2,000 characters or fewer")]
    public string? Reason { get; set; }
}

public sealed record ComplaintSummary(string Reference, ComplaintTopic Topic, ComplaintStatus Status, int Stage, DateTime ReceivedAt);

public sealed record ComplaintLetterView(DateTime At, ComplaintLetterKind Kind, int Stage, string Body);

public sealed record StageView(int Stage, DateTime RequestedAt, DateOnly AcknowledgeBy, DateTime? AcknowledgedAt, DateOnly? RespondBy, int ExtensionDays, string? ExtensionReason, DateTime? RespondedAt);

public sealed class ComplaintPage
{
    public required string Reference { get; init; }
    public required ComplaintTopic Topic { get; init; }
    public string? RepairReference { get; init; }
    public string? RelatedReference { get; init; }
    public required string Description { get; init; }
    public string? OutcomeWanted { get; init; }
    public required ComplaintChannel Channel { get; init; }
    public required DateTime ReceivedAt { get; init; }
    public required ComplaintStatus Status { get; init; }
    public required int Stage { get; init; }
    public required Guid Version { get; init; }
    public required IReadOnlyList<StageView> Stages { get; init; }
    public required IReadOnlyList<ComplaintLetterView> Letters { get; init; }
    public bool CanEscalate => Stage == 1 && Status == ComplaintStatus.Responded;
    public StageView Current => Stages.Single(s => s.Stage == Stage);
}
