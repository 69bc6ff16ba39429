namespace TenantPortal.Web.Data.Housing;

/// <summary>One Awaab's Law hazard case on a repair (the portal's own table, <c>RepairHazardCases</c>, beside the HMS
/// repairs): what the landlord recorded at each step the Hazards in Social Housing (Prescribed Requirements) (England)
/// Regulations 2025 name, and the step due next. Written only by <c>Features/Repairs/HazardCases</c>.</summary>
public class RepairHazardCase
{
    public int Id { get; set; }
    public int RepairId { get; set; }
    public Repair Repair { get; set; } = null!;

    /// <summary>Emergency hazard (24 hours) or significant hazard (damp and mould: working days).</summary>
    public HazardType Kind { get; set; }
    public DateTime ClassifiedAt { get; set; }
    public required string ClassifiedBy { get; set; }
    public string? ClassificationReason { get; set; }

    /// <summary>When the landlord became aware (the report, or the phone call before it was keyed): every clock starts here.</summary>
    public DateTime AwareAt { get; set; }
    public required string AwareRecordedBy { get; set; }

    public DateTime? InvestigatedAt { get; set; }
    public string? InvestigatedBy { get; set; }

    /// <summary>The investigation's outcome: true a hazard was found, false none (with <see cref="Findings"/> as the reason).</summary>
    public bool? HazardFound { get; set; }
    public string? Findings { get; set; }
    public bool FurtherWorkNeeded { get; set; }

    public DateTime? SummarySentAt { get; set; }
    public string? SummarySentBy { get; set; }
    public string? SummaryText { get; set; }

    public DateTime? SafetyWorkDoneAt { get; set; }
    public string? SafetyWorkNotes { get; set; }

    public DateTime? FurtherWorkStartedAt { get; set; }
    public string? FurtherWorkNotes { get; set; }

    /// <summary>A tenant asked for the repair to be cancelled; a hazard case is not cancelled by the tenant, an officer decides.</summary>
    public DateTime? CancelRequestedAt { get; set; }
    public string? CancelRequestReason { get; set; }

    /// <summary>Open until every step due has been done, or an officer declassified it (with <see cref="ClosedReason"/>).</summary>
    public bool IsOpen { get; set; } = true;
    public DateTime? ClosedAt { get; set; }
    public string? ClosedReason { get; set; }

    /// <summary>The deadline of the step due next (null when none is due), kept for the dashboard's ordered, paged list.</summary>
    public DateTime? NextDueAt { get; set; }
    public string? NextStep { get; set; }
}
