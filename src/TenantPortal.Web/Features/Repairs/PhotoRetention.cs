using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>What one retention pass did.</summary>
public sealed record RetentionResult(int ClosedRepairPhotos, int AbandonedDraftPhotos, int Attached);

/// <summary>Photos are personal data (they show inside people's homes), kept only as long as needed: photos of repairs
/// completed or cancelled more than <c>Repairs:KeepClosedRepairPhotosMonths</c> (24) ago, and photos never attached to a
/// repair once their draft has expired (7 days, <see cref="RepairDraftStore.MaxAge"/>), lose their bytes. Safe on
/// several instances: each photo is claimed with a conditional update on its lease before it is deleted, and every
/// delete is idempotent. A photo whose repair exists in the housing database but whose attachment was not recorded (the
/// portal database committed separately and failed) is attached, not deleted.</summary>
public sealed class PhotoRetention(
    PortalDbContext portal,
    HousingDbContext housing,
    RepairPhotoStore photos,
    IOptions<RepairsOptions> options,
    TimeProvider clock)
{
    private const int BatchSize = 200;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<RetentionResult> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = await DeleteClosedRepairPhotosAsync(now, ct);
        var (abandoned, attached) = await DeleteAbandonedPhotosAsync(now, ct);

        // Rows whose bytes are gone are kept one day, for the rolling quota, then removed.
        var forgetBefore = now.AddDays(-2);
        await portal.Photos.Where(p => p.DeletedAt != null && p.DeletedAt < forgetBefore && p.UploadedAt < forgetBefore).ExecuteDeleteAsync(ct);
        return new RetentionResult(closed, abandoned, attached);
    }

    private async Task<int> DeleteClosedRepairPhotosAsync(DateTime now, CancellationToken ct)
    {
        var closedBefore = now.AddMonths(-options.Value.KeepClosedRepairPhotosMonths);
        var deleted = 0;
        var afterRepairId = 0;
        while (true)
        {
            var repairIds = await portal.Photos.AsNoTracking()
                .Where(p => p.RepairId > afterRepairId && p.DeletedAt == null)
                .Select(p => p.RepairId!.Value).Distinct().OrderBy(id => id).Take(BatchSize).ToListAsync(ct);
            if (repairIds.Count == 0)
            {
                return deleted;
            }

            afterRepairId = repairIds[^1];
            var expired = await housing.Repairs.AsNoTracking()
                .Where(r => repairIds.Contains(r.Id)
                    && ((r.Status == RepairStatus.Completed && r.CompletedAt < closedBefore)
                        || (r.Status == RepairStatus.Cancelled && r.CancelledAt < closedBefore)))
                .Select(r => r.Id).ToListAsync(ct);
            var keys = await portal.Photos.AsNoTracking()
                .Where(p => p.RepairId != null && expired.Contains(p.RepairId.Value) && p.DeletedAt == null)
                .Select(p => p.Key).ToListAsync(ct);
            deleted += await DeleteClaimedAsync(keys, now, ct);
        }
    }

    private async Task<(int Deleted, int Attached)> DeleteAbandonedPhotosAsync(DateTime now, CancellationToken ct)
    {
        var deleted = 0;
        var attached = 0;
        var afterId = 0L;
        while (true)
        {
            var batch = await portal.Photos.AsNoTracking()
                .Where(p => p.Id > afterId && p.DeletedAt == null && p.RepairId == null && p.ExpiresAt < now)
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.Key }).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return (deleted, attached);
            }

            afterId = batch[^1].Id;
            var keys = batch.Select(p => p.Key).ToList();
            var onRepairs = await housing.RepairPhotos.AsNoTracking().Where(p => keys.Contains(p.StoredFileName))
                .Select(p => new { p.StoredFileName, p.RepairId }).ToListAsync(ct);
            foreach (var found in onRepairs)
            {
                await photos.AttachAsync([found.StoredFileName], found.RepairId, ct);
                attached++;
            }

            var onRepairKeys = onRepairs.Select(p => p.StoredFileName).ToHashSet();
            deleted += await DeleteClaimedAsync(keys.Where(k => !onRepairKeys.Contains(k)).ToList(), now, ct);
        }
    }

    private async Task<int> DeleteClaimedAsync(IReadOnlyList<string> keys, DateTime now, CancellationToken ct)
    {
        var deleted = 0;
        var leaseUntil = now.Add(Lease);
        foreach (var key in keys)
        {
            var won = await portal.Photos
                .Where(p => p.Key == key && p.DeletedAt == null && (p.LeaseUntil == null || p.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseUntil, leaseUntil), ct);
            if (won == 1)
            {
                await photos.DeleteAsync(key, ct);
                deleted++;
            }
        }

        return deleted;
    }
}

/// <summary>Runs <see cref="PhotoRetention"/> on every instance every <c>Repairs:PhotoRetentionIntervalMinutes</c> (0
/// turns it off on that instance).</summary>
public sealed class PhotoRetentionWorker(
    IServiceScopeFactory scopes,
    IOptions<RepairsOptions> options,
    TimeProvider clock,
    ILogger<PhotoRetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.PhotoRetentionIntervalMinutes);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<PhotoRetention>().RunOnceAsync(stoppingToken);
                logger.LogInformation("Photo retention: {Closed} photos of closed repairs and {Abandoned} of abandoned drafts deleted",
                    result.ClosedRepairPhotos, result.AbandonedDraftPhotos);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Photo retention pass failed; will retry");
            }
        }
    }
}
