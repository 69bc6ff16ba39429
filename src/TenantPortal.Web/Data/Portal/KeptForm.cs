namespace TenantPortal.Web.Data.Portal;

/// <summary>What a signed-in user had typed into a form that they sent after their session had ended (30 minutes
/// without activity, or the session closed on the server), kept so it can be offered back after they sign in again
/// (<see cref="Features.Account.KeptForms"/>). One per user and page; the fields are encrypted with Data Protection;
/// used once, and deleted after <see cref="Features.Account.KeptForms.Lifetime"/> by
/// <see cref="Features.Shared.Journeys.AbandonedJourneyCleanup"/>.</summary>
public class KeptForm
{
    public Guid Id { get; set; }

    /// <summary>The portal user the expired sign-in cookie belonged to; the only user who is ever offered the text.</summary>
    public required string OwnerUserId { get; set; }

    /// <summary>The form's page (its path, without the query string), e.g. /repairs/report/describe, or
    /// /admin/repairs/{reference} for a form on it that posts to /admin/repairs/{reference}/status.</summary>
    public required string Path { get; set; }

    /// <summary>The fields, encrypted with Data Protection (never readable in the database or a backup).</summary>
    public required string ProtectedFields { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
