namespace TenantPortal.Web.Data.Portal;

/// <summary>One stored repair photo (its key is the housing <c>RepairPhotos.StoredFileName</c>): whose it is, the
/// draft or repair it belongs to and when it may go. Always in the portal database, whichever
/// <c>IPhotoContentStore</c> keeps the bytes; the row outlives the bytes by a day (DeletedAt set) so the rolling
/// daily quota counts photos added and then removed.</summary>
public class StoredPhoto
{
    public long Id { get; set; }

    /// <summary>Server-made name, 32 hex digits and .jpg or .png.</summary>
    public required string Key { get; set; }
    public int TenancyId { get; set; }

    /// <summary>The report draft it was added to (null when added to an existing repair).</summary>
    public Guid? DraftId { get; set; }

    /// <summary>The repair it is attached to once the report is sent or the information added.</summary>
    public int? RepairId { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long SizeBytes { get; set; }
    public DateTime UploadedAt { get; set; }

    /// <summary>When an unattached photo goes (its draft expires); null once attached.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When its bytes were deleted (removed by the tenant, draft abandoned, retention).</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>A retention pass on one instance has claimed it until then.</summary>
    public DateTime? LeaseUntil { get; set; }
}

public enum PhotoVariant { Full = 0, Thumbnail = 1 }

/// <summary>The bytes of a photo or its thumbnail, when the photos are kept in the portal database (the default).</summary>
public class StoredPhotoContent
{
    public required string Key { get; set; }
    public PhotoVariant Variant { get; set; }
    public required byte[] Data { get; set; }
}
