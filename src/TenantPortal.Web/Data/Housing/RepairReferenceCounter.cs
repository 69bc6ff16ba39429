namespace TenantPortal.Web.Data.Housing;

/// <summary>The last repair sequence number used in a year: references are R + year + sequence.</summary>
public class RepairReferenceCounter
{
    public int Year { get; set; }
    public int LastSequence { get; set; }
}
