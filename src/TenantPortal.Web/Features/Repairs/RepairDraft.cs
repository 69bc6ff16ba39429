using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>A photo already checked, cleaned and stored under a server-made name.</summary>
public sealed record DraftPhoto(string StoredFileName, string ContentType, long SizeBytes);

/// <summary>The answers to a repair report so far. Kept on the server between pages (<see cref="RepairDraftStore"/>)
/// so nothing is lost, also when the database is down at submit. <see cref="Id"/> is the report's SubmissionKey, so a
/// double submit raises one job. Officers reporting on a tenant's behalf build one directly.</summary>
public sealed class RepairDraft
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The portal user the draft belongs to (checked on every load).</summary>
    public string OwnerUserId { get; set; } = "";
    public int TenancyId { get; set; }
    public int? ReportedByTenantId { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool EmergencyChecked { get; set; }

    /// <summary>Where in the home (the area chosen, e.g. "Kitchen").</summary>
    public string? Area { get; set; }
    public string? Item { get; set; }
    public int? CatalogueItemId { get; set; }
    public string? Description { get; set; }
    public List<DraftPhoto> Photos { get; set; } = [];
    public bool PhotosDone { get; set; }
    public string? WhoWillBeHome { get; set; }
    public string? AccessNotes { get; set; }
    public string? ContactPhone { get; set; }
    public bool AccessDone { get; set; }
    public int? SlotId { get; set; }

    /// <summary>True once the appointment step is answered (a slot chosen, or no slot needed).</summary>
    public bool AppointmentDone { get; set; }

    /// <summary>"None of these times suit me": reported without a booking; the repairs team calls to arrange a time.</summary>
    public bool CallToArrange { get; set; }

    /// <summary>A message for the next page (e.g. the chosen time was taken).</summary>
    public string? Notice { get; set; }

    /// <summary>The reference once submitted.</summary>
    public string? SubmittedReference { get; set; }

    public RepairChannel Channel { get; set; } = RepairChannel.Portal;

    /// <summary>The priority an officer set on the check page instead of the catalogue's (officers only), with their
    /// reason and the catalogue's priority it replaced (both audited with the report).</summary>
    public RepairPriority? PriorityOverride { get; set; }
    public string? PriorityReason { get; set; }
    public RepairPriority? CataloguePriority { get; set; }
}
