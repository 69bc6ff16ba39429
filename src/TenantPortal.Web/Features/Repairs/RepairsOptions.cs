namespace TenantPortal.Web.Features.Repairs;

/// <summary>Settings for repairs ("Repairs" section).</summary>
public sealed class RepairsOptions
{
    public const string Section = "Repairs";

    /// <summary>Where photo bytes are kept: <see cref="PhotoStorage.Database"/> (the portal database, the default, so
    /// several instances need nothing else) or <see cref="PhotoStorage.Folder"/> (<see cref="PhotoFolder"/>, on storage
    /// every instance shares).</summary>
    public PhotoStorage PhotoStorage { get; set; } = PhotoStorage.Database;

    /// <summary>With <c>PhotoStorage=Folder</c>: the folder, outside the web root. Relative paths are under the content root.</summary>
    public string PhotoFolder { get; set; } = "App_Data/photos";

    /// <summary>Extra one-off non-working days (e.g. a royal occasion announced at short notice), as yyyy-MM-dd. Kept
    /// for older settings files: <c>Repairs:BankHolidays:Add</c> does the same (see <see cref="LandlordRules"/>).</summary>
    public List<DateOnly> ExtraBankHolidays { get; set; } = [];

    /// <summary>The landlord's own targets per priority (Emergency hours, Urgent and Routine working days).</summary>
    public RepairTargetDays Targets { get; set; } = new();

    /// <summary>Photos per report, and per request when adding information.</summary>
    public int MaxPhotos { get; set; } = 3;

    /// <summary>Photos one repair may hold in total (the report's and those added later).</summary>
    public int MaxPhotosPerRepair { get; set; } = 6;

    /// <summary>Photos one tenancy may add over any 24 hours (tenants and officers on their behalf).</summary>
    public int MaxPhotosPerTenancyPerDay { get; set; } = 30;

    /// <summary>How long photos of completed or cancelled repairs are kept after closing.</summary>
    public int KeepClosedRepairPhotosMonths { get; set; } = 24;

    /// <summary>How often each instance runs the photo retention pass.</summary>
    public int PhotoRetentionIntervalMinutes { get; set; } = 60;

    public long MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>For how many days after a repair is completed the tenant can say it is not fixed (raising a recall job).</summary>
    public int NotFixedDays { get; set; } = 28;
}

public enum PhotoStorage { Database, Folder }
