namespace TenantPortal.Web.Data.Housing;

public class RepairStatusChange
{
    public long Id { get; set; }
    public int RepairId { get; set; }
    public RepairStatus Status { get; set; }
    public DateTime At { get; set; }
    public string? Note { get; set; }
    public bool NoteVisibleToTenant { get; set; }
    public required string ChangedBy { get; set; }
    public RepairChannel Channel { get; set; }
}
