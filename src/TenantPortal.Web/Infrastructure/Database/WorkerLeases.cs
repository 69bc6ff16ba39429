using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Infrastructure.Database;

/// <summary>One instance at a time for a background job, like the outbox's row leases: the lease row is taken with a
/// conditional update that re-checks it has run out (or is already ours), so two instances never both win; the first
/// ever taker inserts the row (the key keeps that single too).</summary>
public static class WorkerLeases
{
    public static async Task<bool> TryTakeAsync(PortalDbContext db, string name, string owner, DateTime now, TimeSpan lease, CancellationToken ct)
    {
        var until = now.Add(lease);
        var taken = await db.WorkerLeases
            .Where(l => l.Name == name && (l.LeaseUntil == null || l.LeaseUntil < now || l.Owner == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.LeaseUntil, until), ct);
        if (taken == 1)
        {
            return true;
        }

        if (await db.WorkerLeases.AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }

        db.WorkerLeases.Add(new WorkerLease { Name = name, Owner = owner, LeaseUntil = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted it first: theirs.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public static Task ReleaseAsync(PortalDbContext db, string name, string owner, CancellationToken ct) =>
        db.WorkerLeases.Where(l => l.Name == name && l.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null).SetProperty(l => l.LeaseUntil, (DateTime?)null), ct);
}
