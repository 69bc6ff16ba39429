namespace TenantPortal.Web.Features.Repairs;

/// <summary>Settings for repairs ("Repairs" section).</summary>
public sealed class RepairsOptions
{
    public const string Section = "Repairs";

    /// <summary>Where photos are kept, outside the web root. Relative paths are under the content root.</summary>
    public string PhotoFolder { get; set; } = "App_Data/photos";

    /// <summary>Extra one-off non-working days (e.g. a royal occasion announced at short notice), as yyyy-MM-dd.</summary>
    public List<DateOnly> ExtraBankHolidays { get; set; } = [];

    public int MaxPhotos { get; set; } = 3;

    public long MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;
}
