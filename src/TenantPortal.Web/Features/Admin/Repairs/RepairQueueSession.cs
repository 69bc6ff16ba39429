using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Features.Shared.Journeys;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.Admin.Repairs;

/// <summary>What the queue remembers for an officer: the filters of this sign-in session (in the portal database
/// through <see cref="JourneyStore"/>, keyed to the user and the session id, so any instance serves them and a new
/// sign-in starts with the default queue) and the officer's own patch.</summary>
public sealed class RepairQueueSession(JourneyStore journeys, PortalDbContext portal, PortalUnitOfWork unitOfWork, AuditTrail audit)
{
    private const string Journey = "repair-queue-filters";

    /// <summary>Keeps <paramref name="filter"/> when the officer chose one, or returns the one kept this session.</summary>
    public async Task<RepairQueueFilter> RememberAsync(ClaimsPrincipal officer, RepairQueueFilter? filter, CancellationToken ct)
    {
        if (Key(officer) is not { } key)
        {
            return filter ?? new RepairQueueFilter();
        }

        if (filter is null)
        {
            return await journeys.LoadAsync<RepairQueueFilter>(key, ct) ?? new RepairQueueFilter();
        }

        await journeys.SaveAsync(key, filter, ct);
        return filter;
    }

    public Task<int?> MyPatchAsync(ClaimsPrincipal officer, CancellationToken ct) =>
        officer.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? MyPatch.For(portal)(portal, id, ct) : Task.FromResult<int?>(null);

    /// <summary>Asked on every visit to the queue: compiled once.</summary>
    private static readonly CompiledQuery<Func<PortalDbContext, string, CancellationToken, Task<int?>>> MyPatch = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string id, CancellationToken ct) => db.Users.Where(u => u.Id == id).Select(u => u.PatchId).SingleOrDefault()));

    public Task SetMyPatchAsync(ClaimsPrincipal officer, int patchId, CancellationToken ct) =>
        unitOfWork.ExecuteAsync(async token =>
        {
            var id = officer.FindFirstValue(ClaimTypes.NameIdentifier);
            var user = await portal.Users.SingleAsync(u => u.Id == id, token);
            if (user.PatchId == patchId)
            {
                return UnitOfWork.Rollback(false);
            }

            audit.Record(portal, officer, "staff-account.patch-chosen", "StaffAccount", user.Id, new { Patch = user.PatchId }, new { Patch = patchId });
            user.PatchId = patchId;
            await portal.SaveChangesAsync(token);
            return UnitOfWork.Commit(true);
        }, ct);

    private static JourneyKey? Key(ClaimsPrincipal officer) =>
        officer.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? new JourneyKey(Journey, userId, officer.FindFirstValue(SessionClaims.SessionId) ?? "")
            : null;
}
