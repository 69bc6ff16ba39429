namespace TenantPortal.Web.Data.Portal;

/// <summary>Who changed what, when, with the values before and after (JSON).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public required string RecordType { get; set; }
    public required string RecordId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
