using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Infrastructure.Database;

/// <summary>One transaction per use case across both contexts. In the usual set-up (one database) it is a single
/// database transaction: all of the use case's writes commit together or not at all. When the landlord keeps the
/// portal tables in another database, the housing transaction commits first and the portal's second; every writer
/// is idempotent (unique keys), so a retry after a failure between the two completes the work without doubling it.</summary>
public sealed class PortalUnitOfWork(HousingDbContext housing, PortalDbContext portal, DatabaseTopology topology)
{
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        if (housing.Database.CurrentTransaction is not null)
        {
            return await work(ct);
        }

        await using var housingTx = await housing.Database.BeginTransactionAsync(ct);
        IDbContextTransaction? portalTx = null;
        try
        {
            if (topology.SharedDatabase)
            {
                await portal.Database.UseTransactionAsync(housingTx.GetDbTransaction(), ct);
            }
            else
            {
                portalTx = await portal.Database.BeginTransactionAsync(ct);
            }

            var result = await work(ct);
            await housingTx.CommitAsync(ct);
            if (portalTx is not null)
            {
                await portalTx.CommitAsync(ct);
            }

            return result;
        }
        finally
        {
            if (topology.SharedDatabase)
            {
                await portal.Database.UseTransactionAsync(null, CancellationToken.None);
            }

            if (portalTx is not null)
            {
                await portalTx.DisposeAsync();
            }
        }
    }

    public Task ExecuteAsync(Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        ExecuteAsync(async c => { await work(c); return true; }, ct);
}
