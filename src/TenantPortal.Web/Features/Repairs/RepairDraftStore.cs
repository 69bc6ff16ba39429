using TenantPortal.Web.Features.Shared.Journeys;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Report-a-repair's answers (<see cref="RepairDraft"/>), kept by the shared <see cref="JourneyStore"/> in the
/// portal database: one draft per user and tenancy (a tenant has one tenancy; an officer may report for several at
/// once), loadable only by the user who started it, from any instance.</summary>
public sealed class RepairDraftStore(JourneyStore journeys)
{
    public const string Journey = "report-repair";

    /// <summary>How long an unsent report (and its photos) lasts from when it was started.</summary>
    public static readonly TimeSpan MaxAge = JourneyStore.MaxAge;

    public Task<RepairDraft?> LoadAsync(string ownerUserId, int tenancyId, CancellationToken ct) =>
        journeys.LoadAsync<RepairDraft>(Key(ownerUserId, tenancyId), ct);

    /// <summary>A new report: replaces an unfinished one and starts its 7 days.</summary>
    public Task StartAsync(RepairDraft draft, CancellationToken ct) => journeys.StartAsync(Key(draft.OwnerUserId, draft.TenancyId), draft, ct);

    public Task SaveAsync(RepairDraft draft, CancellationToken ct) => journeys.SaveAsync(Key(draft.OwnerUserId, draft.TenancyId), draft, ct);

    public Task DiscardAsync(RepairDraft draft, CancellationToken ct) => journeys.DiscardAsync(Key(draft.OwnerUserId, draft.TenancyId), ct);

    private static JourneyKey Key(string ownerUserId, int tenancyId) =>
        new(Journey, ownerUserId, tenancyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
