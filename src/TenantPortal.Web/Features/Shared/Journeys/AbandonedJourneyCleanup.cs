using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Shared.Journeys;

/// <summary>Deletes journeys started more than <see cref="JourneyStore.MaxAge"/> (7 days) ago. Safe on several
/// instances: each row is deleted with a conditional delete that re-checks its age. Photos uploaded in a journey expire
/// at the same moment and are deleted by the photo retention job (<see cref="Repairs.PhotoRetention"/>). The same round
/// deletes forms kept at a sign-out whose 2 hours are up (<see cref="Account.KeptForms"/>).</summary>
public sealed class AbandonedJourneyCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AbandonedJourneyCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Abandoned journey clean-up failed; will retry");
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One batch: the number of journeys this instance deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var cutOff = clock.GetUtcNow().UtcDateTime - JourneyStore.MaxAge;
        var candidates = await db.JourneyStates.AsNoTracking().Where(j => j.CreatedAt < cutOff)
            .OrderBy(j => j.CreatedAt).Take(BatchSize)
            .Select(j => j.Id)
            .ToListAsync(ct);
        var deleted = 0;
        foreach (var id in candidates)
        {
            // 0 when another instance took it, or the user started again meanwhile (a new row).
            deleted += await db.JourneyStates.Where(j => j.Id == id && j.CreatedAt < cutOff).ExecuteDeleteAsync(ct);
        }

        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} abandoned journeys", deleted);
        }

        // Forms kept at a sign-out (2 hours) go on the same round.
        var keptDeleted = await Account.KeptForms.DeleteExpiredAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        if (keptDeleted > 0)
        {
            logger.LogInformation("Deleted {Count} expired kept forms", keptDeleted);
        }

        return deleted;
    }
}
