namespace TenantPortal.Web.Data.Housing;

/// <summary>A repair job (work order) in the HMS repairs tables.</summary>
public class Repair
{
    public int Id { get; set; }
    public required string Reference { get; set; }
    public int PropertyId { get; set; }
    public Property Property { get; set; } = null!;
    public int? TenancyId { get; set; }
    public Tenancy? Tenancy { get; set; }
    public int? ReportedByTenantId { get; set; }
    public int CatalogueItemId { get; set; }
    public RepairCatalogueItem CatalogueItem { get; set; } = null!;
    public Trade Trade { get; set; }
    public RepairPriority Priority { get; set; }
    public required string Description { get; set; }
    public required string Location { get; set; }
    public RepairStatus Status { get; set; }
    public DateTime ReportedAt { get; set; }
    public DateOnly TargetDate { get; set; }
    public RepairChannel Channel { get; set; }

    public string? WhoWillBeHome { get; set; }
    public string? AccessNotes { get; set; }
    public string? ContactPhone { get; set; }

    public bool IsHazard { get; set; }
    public HazardType HazardType { get; set; }

    /// <summary>Awaab's Law clocks. Emergency: investigate and make safe within 24 hours. Damp and mould:
    /// investigate within 10 working days, written summary within 3 working days of investigating, safety work within
    /// 5 working days, further work started within 12 weeks.</summary>
    public DateTime? InvestigateBy { get; set; }
    public DateTime? InvestigatedAt { get; set; }
    public DateOnly? WrittenSummaryBy { get; set; }
    public DateOnly? SafetyWorkBy { get; set; }
    public DateOnly? FurtherWorkStartBy { get; set; }

    public DateTime? CompletedAt { get; set; }
    public string? CompletionNotes { get; set; }
    public DateTime? CancelledAt { get; set; }

    /// <summary>Set on a recall job: the completed repair that was not fixed (counted as a recall in the measures).</summary>
    public int? RecallOfRepairId { get; set; }

    /// <summary>A key the reporting form carries, unique, so a double-submitted form raises one job.</summary>
    public Guid? SubmissionKey { get; set; }

    /// <summary>Concurrency token (see <see cref="Tenant.Version"/>): set by HousingDbContext or the database, never by features.</summary>
    public Guid Version { get; set; }

    public List<RepairStatusChange> History { get; set; } = [];
    public List<Appointment> Appointments { get; set; } = [];
    public List<RepairPhoto> Photos { get; set; } = [];
    public RepairFeedback? Feedback { get; set; }

    /// <summary>The contractor the HMS gave the job to (<c>Contractors</c>), or null while none is assigned: a nullable
    /// column, the one addition to the HMS <c>Repairs</c> table for the Right to Repair (docs/housing-database.md).</summary>
    public int? ContractorId { get; set; }

    public Contractor? Contractor { get; set; }

    /// <summary>The Awaab's Law case, in its own table (<c>RepairHazardCases</c>), or null for an ordinary repair.</summary>
    public RepairHazardCase? HazardCase { get; set; }

    public bool IsOpen => IsOpenStatus(Status);

    /// <summary>The one definition of an open repair: not completed and not cancelled.</summary>
    public static bool IsOpenStatus(RepairStatus status) => status is not (RepairStatus.Completed or RepairStatus.Cancelled);

    /// <summary>The open statuses, in the enum's order: queries ask <c>Status IN (these)</c> (an index seek over the
    /// few open repairs, not a walk over every repair ever reported), and the open repairs' description index is
    /// filtered on exactly that list, so SQLite can prove a query's condition implies the index's.</summary>
    public static readonly IReadOnlyList<RepairStatus> OpenStatuses = Enum.GetValues<RepairStatus>().Where(IsOpenStatus).ToArray();
}
