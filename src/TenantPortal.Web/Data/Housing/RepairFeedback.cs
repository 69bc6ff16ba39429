namespace TenantPortal.Web.Data.Housing;

/// <summary>"How did we do?" after a completed repair; feeds the TP02/TP03 satisfaction measures.</summary>
public class RepairFeedback
{
    public int Id { get; set; }
    public int RepairId { get; set; }
    public int RepairRating { get; set; }
    public int TimeRating { get; set; }
    public string? Comment { get; set; }
    public DateTime At { get; set; }
}
