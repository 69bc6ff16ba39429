namespace TenantPortal.Web.Data.Housing;

/// <summary>A photo attached to a repair. The file lives outside the web root under a server-made name.</summary>
public class RepairPhoto
{
    public int Id { get; set; }
    public int RepairId { get; set; }
    public required string StoredFileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}
