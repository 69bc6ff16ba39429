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
    // Set when a use case running inside another one decides to roll back: the outer one cannot commit half of it.
    private bool rollbackOnly;

    /// <summary>Runs <paramref name="work"/> in one transaction and commits or rolls back as it says
    /// (<see cref="UnitOfWork.Commit{T}"/>, <see cref="UnitOfWork.Rollback{T}"/>). On a rollback both contexts forget
    /// what they were tracking, so the caller can carry on (e.g. show the form again). Inside another unit of work, a
    /// rollback marks the whole transaction to be rolled back when the outer one ends. When the work throws (e.g. a
    /// concurrency conflict or a unique key refusing a second writer), the transaction is rolled back and both contexts
    /// forget what they were tracking too, so a caller that catches the exception can read again or carry on without
    /// clearing change trackers itself.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<UnitOfWorkResult<T>>> work, CancellationToken ct = default)
    {
        if (housing.Database.CurrentTransaction is not null)
        {
            var inner = await work(ct);
            if (!inner.Commit)
            {
                rollbackOnly = true;
            }

            return inner.Value;
        }

        // Inside the execution strategy (retries on SQL Server and PostgreSQL, none on SQLite): a transient failure
        // (failover, deadlock victim, serialization failure) rolls the whole use case back and runs it again, from
        // clean contexts. Work must therefore read what it needs inside the delegate (every use case here does).
        var strategy = housing.Database.CreateExecutionStrategy();
        var run = 0;
        return await strategy.ExecuteAsync(async c =>
        {
            if (run++ > 0)
            {
                housing.ChangeTracker.Clear();
                portal.ChangeTracker.Clear();
            }

            return await RunInTransactionAsync(work, c);
        }, ct);
    }

    private async Task<T> RunInTransactionAsync<T>(Func<CancellationToken, Task<UnitOfWorkResult<T>>> work, CancellationToken ct)
    {
        await using var housingTx = await housing.Database.BeginTransactionAsync(ct);
        IDbContextTransaction? portalTx = null;
        IDbContextTransaction? joined = null;
        try
        {
            if (topology.SharedDatabase)
            {
                joined = await portal.Database.UseTransactionAsync(housingTx.GetDbTransaction(), ct);
            }
            else
            {
                portalTx = await portal.Database.BeginTransactionAsync(ct);
            }

            UnitOfWorkResult<T> result;
            try
            {
                result = await work(ct);
            }
            catch
            {
                housing.ChangeTracker.Clear();
                portal.ChangeTracker.Clear();
                throw;
            }

            if (result.Commit && !rollbackOnly)
            {
                await housingTx.CommitAsync(ct);
                if (portalTx is not null)
                {
                    await portalTx.CommitAsync(ct);
                }
            }
            else
            {
                await housingTx.RollbackAsync(CancellationToken.None);
                if (portalTx is not null)
                {
                    await portalTx.RollbackAsync(CancellationToken.None);
                }

                housing.ChangeTracker.Clear();
                portal.ChangeTracker.Clear();
            }

            return result.Value;
        }
        finally
        {
            rollbackOnly = false;
            // Disposing the joined transaction (it does not own the database transaction) also gives back the portal
            // context's hold on the shared connection, so the context goes back to its pool with none.
            if (joined is not null)
            {
                await joined.DisposeAsync();
            }

            if (portalTx is not null)
            {
                await portalTx.DisposeAsync();
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it unless it throws.</summary>
    public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct = default) =>
        ExecuteAsync(async c => UnitOfWork.Commit(await work(c)), ct);

    public Task ExecuteAsync(Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        ExecuteAsync(async c => { await work(c); return true; }, ct);
}

/// <summary>What a use case decided: keep its writes or undo them, and what it returns either way.</summary>
public readonly record struct UnitOfWorkResult<T>(T Value, bool Commit);

public static class UnitOfWork
{
    public static UnitOfWorkResult<T> Commit<T>(T value) => new(value, true);

    /// <summary>Undo every write of the use case (e.g. a slot taken meanwhile) and return <paramref name="value"/>.</summary>
    public static UnitOfWorkResult<T> Rollback<T>(T value) => new(value, false);
}
