using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Shared.Journeys;

/// <summary>Deletes journeys started more than <see cref="JourneyStore.MaxAge"/> (7 days) ago, with what they left
/// behind (a repair draft's photos). Safe on several instances: each row is deleted with a conditional delete that
/// re-checks its age, and only the instance whose delete removed the row runs the journey's clean-up.</summary>
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
        var handlers = scope.ServiceProvider.GetServices<IAbandonedJourneyHandler>().ToDictionary(h => h.Journey);
        var cutOff = clock.GetUtcNow().UtcDateTime - JourneyStore.MaxAge;
        var candidates = await db.JourneyStates.AsNoTracking().Where(j => j.CreatedAt < cutOff)
            .OrderBy(j => j.CreatedAt).Take(BatchSize)
            .Select(j => new { j.Id, j.Journey, j.Data })
            .ToListAsync(ct);
        var deleted = 0;
        foreach (var journey in candidates)
        {
            if (await db.JourneyStates.Where(j => j.Id == journey.Id && j.CreatedAt < cutOff).ExecuteDeleteAsync(ct) != 1)
            {
                continue; // another instance took it, or the user started again meanwhile (a new row)
            }

            deleted++;
            if (handlers.TryGetValue(journey.Journey, out var handler))
            {
                await handler.OnAbandonedAsync(journey.Data, ct);
            }
        }

        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} abandoned journeys", deleted);
        }

        return deleted;
    }
}
