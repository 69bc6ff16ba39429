using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.Shared.Journeys;

/// <summary>Keeps the answers of multi-page forms in the portal database, keyed to the signed-in user, so any instance
/// behind the load balancer can serve any step and nothing is kept on local disk. The browser holds nothing but its
/// sign-in cookie: a journey is found by (journey, user, subject), so another user can never load it. A journey lasts
/// <see cref="MaxAge"/> from when it was started (the photos uploaded in it expire then too); after that it is treated
/// as gone and deleted by <see cref="AbandonedJourneyCleanup"/>.</summary>
public sealed class JourneyStore(PortalDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    public async Task<T?> LoadAsync<T>(JourneyKey key, CancellationToken ct)
        where T : class
    {
        var row = await Stored.For(db)(db, key.OwnerUserId, key.Journey, key.Subject, ct);
        return row is null || clock.GetUtcNow().UtcDateTime - row.CreatedAt > MaxAge
            ? null
            : JsonSerializer.Deserialize<T>(row.Data);
    }

    /// <summary>Read on every step of every journey (and every visit to the officers' queue): compiled once.</summary>
    private static readonly CompiledQuery<Func<PortalDbContext, string, string, string, CancellationToken, Task<StoredState?>>> Stored = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string owner, string journey, string subject, CancellationToken ct) =>
            db.JourneyStates.Where(j => j.OwnerUserId == owner && j.Journey == journey && j.Subject == subject)
                .Select(j => new StoredState(j.Data, j.CreatedAt)).SingleOrDefault()));

    private sealed record StoredState(string Data, DateTime CreatedAt);

    /// <summary>Starts the journey afresh: any answers kept under the key are replaced and its 7 days start now.</summary>
    public async Task StartAsync<T>(JourneyKey key, T state, CancellationToken ct)
    {
        await DiscardAsync(key, ct);
        await SaveAsync(key, state, ct);
    }

    /// <summary>Writes the answers at once (each step is its own small write, not part of a use case's transaction
    /// unless one is open).</summary>
    public async Task SaveAsync<T>(JourneyKey key, T state, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(state);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await UpdateAsync(key, json, now, ct))
        {
            return;
        }

        var row = new JourneyState { Id = Guid.NewGuid(), Journey = key.Journey, OwnerUserId = key.OwnerUserId, Subject = key.Subject, Data = json, CreatedAt = now, UpdatedAt = now };
        db.JourneyStates.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A second request (a double tap on another instance) created the row first: the unique key refused
            // ours, so write the answers into theirs (the finally forgets our row).
            if (!await UpdateAsync(key, json, now, ct))
            {
                throw;
            }
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    public Task DiscardAsync(JourneyKey key, CancellationToken ct) => Find(key).ExecuteDeleteAsync(ct);

    private async Task<bool> UpdateAsync(JourneyKey key, string json, DateTime now, CancellationToken ct) =>
        await Find(key).ExecuteUpdateAsync(s => s.SetProperty(j => j.Data, json).SetProperty(j => j.UpdatedAt, now), ct) == 1;

    private IQueryable<JourneyState> Find(JourneyKey key) =>
        db.JourneyStates.Where(j => j.OwnerUserId == key.OwnerUserId && j.Journey == key.Journey && j.Subject == key.Subject);
}
