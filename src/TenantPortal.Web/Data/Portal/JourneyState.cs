namespace TenantPortal.Web.Data.Portal;

/// <summary>The answers so far of one multi-page form (a journey) for one signed-in user, e.g. a repair report. Kept in
/// the portal database so any web instance can serve any step; deleted 7 days after it was started (<see cref="Features.Shared.Journeys.AbandonedJourneyCleanup"/>).</summary>
public class JourneyState
{
    public Guid Id { get; set; }

    /// <summary>Which journey, e.g. "report-repair".</summary>
    public required string Journey { get; set; }

    /// <summary>The portal user the answers belong to; the only user who can load them.</summary>
    public required string OwnerUserId { get; set; }

    /// <summary>What the journey is about, when one user can have several at once (an officer reporting for two
    /// tenancies): the tenancy id for report-a-repair.</summary>
    public required string Subject { get; set; }

    /// <summary>The answers, as JSON (the journey's own state type).</summary>
    public required string Data { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
