namespace TenantPortal.Web.Data.Housing;

/// <summary>"How did we do?" after a completed repair: transactional satisfaction (not the regulator's TP02/TP03, which
/// come from the perception survey). Ratings are <see cref="Satisfaction"/> values: 5 very satisfied to 1 very
/// dissatisfied, 0 "don't know".</summary>
public class RepairFeedback
{
    public int Id { get; set; }
    public int RepairId { get; set; }
    public int RepairRating { get; set; }
    public int TimeRating { get; set; }
    public string? Comment { get; set; }
    public DateTime At { get; set; }
}

/// <summary>The answer scale of "How did we do?", stored as its number.</summary>
public enum Satisfaction
{
    DontKnow = 0,
    VeryDissatisfied = 1,
    FairlyDissatisfied = 2,
    Neither = 3,
    FairlySatisfied = 4,
    VerySatisfied = 5,
}
