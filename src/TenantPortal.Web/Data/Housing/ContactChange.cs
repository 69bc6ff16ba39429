namespace TenantPortal.Web.Data.Housing;

/// <summary>One changed field of a tenant's contact record, written with the change itself.</summary>
public class ContactChange
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    public ChangeChannel Channel { get; set; }
}
