using System.ComponentModel.DataAnnotations;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Complaints;

namespace TenantPortal.Web.Features.Admin.Complaints;

public sealed record ComplaintQueueRow(string Reference, string TenancyReference, ComplaintTopic Topic, ComplaintChannel Channel, ComplaintStatus Status, int Stage, DateTime ReceivedAt, DateOnly AcknowledgeBy, DateTime? AcknowledgedAt, DateOnly? RespondBy);

public sealed record ComplaintQueue(IReadOnlyList<ComplaintQueueRow> Open, IReadOnlyList<ComplaintQueueRow> Answered, DateOnly Today);

public sealed class AdminComplaintPage
{
    public required ComplaintPage Complaint { get; init; }
    public required string TenancyReference { get; init; }
    public string? Message { get; set; }
    public AcknowledgeForm AcknowledgeForm { get; set; } = new();
    public ExtendForm ExtendForm { get; set; } = new();
    public RespondForm RespondForm { get; set; } = new();
}

public sealed class AcknowledgeForm
{
    public Guid Version { get; set; }

    [StringLength(1000, ErrorMessage = "The summary must be 1,000 characters or fewer")]
    public string? Note { get; set; }
}

public sealed class ExtendForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter how many more working days")]
    [Range(1, 20, ErrorMessage = "Enter a number of working days from 1 to 20")]
    public int? Days { get; set; }

    [Required(ErrorMessage = "Enter the reason the tenant will be given")]
    [StringLength(1000, ErrorMessage = "The reason must be 1,000 characters or fewer")]
    public string? Reason { get; set; }
}

public sealed class RespondForm
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter the response: the decision, the reasons and any remedy")]
    [StringLength(4000, ErrorMessage = "The response must be 4,000 characters or fewer")]
    public string? Decision { get; set; }
}

/// <summary>A complaint an officer logs: made by phone, in person, by letter or email, or an expression of
/// dissatisfaction (feedback, "not fixed") the officer turns into a complaint.</summary>
public sealed class LogComplaintForm
{
    [Required(ErrorMessage = "Enter the tenancy reference")]
    [StringLength(20, ErrorMessage = "Enter a tenancy reference of 20 characters or fewer")]
    public string? TenancyReference { get; set; }

    [Required(ErrorMessage = "Select how the complaint was made")]
    public ComplaintChannel? Channel { get; set; }

    [Required(ErrorMessage = "Enter the date the complaint was made")]
    public DateOnly? MadeOn { get; set; }

    [Required(ErrorMessage = "Select what the complaint is about")]
    public ComplaintTopic? Topic { get; set; }

    [StringLength(20, ErrorMessage = "Enter a repair reference of 20 characters or fewer")]
    public string? RepairReference { get; set; }

    [Required(ErrorMessage = "Enter what the tenant is unhappy about")]
    [StringLength(2000, ErrorMessage = "The description must be 2,000 characters or fewer")]
    public string? Description { get; set; }

    [StringLength(1000, ErrorMessage = "What would put it right must be 1,000 characters or fewer")]
    public string? OutcomeWanted { get; set; }
}
