using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Notifications;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.Repairs;

public enum RecallOutcome { Raised, AlreadyRaised, NotAllowed, NotFound }

public sealed record RecallResult(RecallOutcome Outcome, string? Reference = null);

/// <summary>"It's not fixed": a completed repair that was not put right raises a recall job linked to it (the original's
/// reference shown, counted as a recall in the measures). Tenants can say so for <see cref="RepairsOptions.NotFixedDays"/>
/// days after completion; officers can recall or reopen any completed repair, with a reason (audited).</summary>
public sealed class RepairRecalls(
    HousingDbContext housing,
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    RepairTargets targets,
    RepairReferenceGenerator references,
    AuditTrail audit,
    TenantNotifier notifier,
    TenantMessages messages,
    IOptions<RepairsOptions> options,
    TimeProvider clock)
{
    public int NotFixedDays => options.Value.NotFixedDays;

    /// <summary>Whether the tenant may still say a repair completed at <paramref name="completedAt"/> is not fixed
    /// (up to and including the last UK day of the period).</summary>
    public bool TenantMaySayNotFixed(RepairStatus status, DateTime? completedAt) =>
        status == RepairStatus.Completed && completedAt is { } at && UkTime.Today(clock) <= UkTime.DateOf(at).AddDays(NotFixedDays);

    /// <summary>The tenant says the repair is not fixed. <paramref name="tenancyId"/> scopes it to their own.</summary>
    public Task<RecallResult> NotFixedAsync(string reference, int tenancyId, string whatIsWrong, RepairActor tenant, CancellationToken ct = default) =>
        unitOfWork.ExecuteAsync(async c =>
        {
            var original = await housing.Repairs.SingleOrDefaultAsync(r => r.Reference == reference && r.TenancyId == tenancyId, c);
            if (original is null)
            {
                return UnitOfWork.Rollback(new RecallResult(RecallOutcome.NotFound));
            }

            var open = await OpenRecallAsync(original.Id, c);
            if (open is not null)
            {
                return UnitOfWork.Rollback(new RecallResult(RecallOutcome.AlreadyRaised, open));
            }

            if (!TenantMaySayNotFixed(original.Status, original.CompletedAt))
            {
                return UnitOfWork.Rollback(new RecallResult(RecallOutcome.NotAllowed));
            }

            var recall = await RaiseAsync(original, whatIsWrong, RepairChannel.Portal, tenant.Name, tenant.TenantId, c);
            return UnitOfWork.Commit(new RecallResult(RecallOutcome.Raised, recall));
        }, ct);

    /// <summary>An officer raises a recall job for a completed repair.</summary>
    public Task<RecallResult> RecallAsync(string reference, string reason, ClaimsPrincipal officer, CancellationToken ct = default) =>
        unitOfWork.ExecuteAsync(async c =>
        {
            var original = await housing.Repairs.SingleOrDefaultAsync(r => r.Reference == reference, c);
            if (original is null)
            {
                return UnitOfWork.Rollback(new RecallResult(RecallOutcome.NotFound));
            }

            if (original.Status != RepairStatus.Completed)
            {
                return UnitOfWork.Rollback(new RecallResult(RecallOutcome.NotAllowed));
            }

            var name = Infrastructure.Security.CurrentTenantExtensions.DisplayName(officer);
            var recall = await RaiseAsync(original, reason, RepairChannel.Officer, name, null, c);
            audit.Record(portal, officer, "repair.recalled", "Repair", original.Reference, new { original.Reference, original.Status }, new { Recall = recall, Reason = reason.Trim() });
            await portal.SaveChangesAsync(c);
            return UnitOfWork.Commit(new RecallResult(RecallOutcome.Raised, recall));
        }, ct);

    /// <summary>An officer reopens a completed repair (it was closed too soon): it is open again and no longer counts as
    /// completed until it is completed again.</summary>
    public Task<RecallResult> ReopenAsync(string reference, string reason, ClaimsPrincipal officer, CancellationToken ct = default) =>
        unitOfWork.ExecuteAsync(async c =>
        {
            var repair = await housing.Repairs.SingleOrDefaultAsync(r => r.Reference == reference, c);
            if (repair is null)
            {
                return UnitOfWork.Rollback(new RecallResult(RecallOutcome.NotFound));
            }

            if (repair.Status != RepairStatus.Completed)
            {
                return UnitOfWork.Rollback(new RecallResult(RecallOutcome.NotAllowed));
            }

            var before = new { repair.Status, repair.CompletedAt };
            var now = clock.GetUtcNow().UtcDateTime;
            repair.Status = RepairStatus.Reported;
            repair.CompletedAt = null;
            housing.Touch(repair);
            housing.RepairStatusHistory.Add(new RepairStatusChange { RepairId = repair.Id, Status = RepairStatus.Reported, At = now, ChangedBy = Infrastructure.Security.CurrentTenantExtensions.DisplayName(officer), Channel = RepairChannel.Officer, Note = $"Reopened: {reason.Trim()}", NoteVisibleToTenant = true });
            audit.Record(portal, officer, "repair.reopened", "Repair", repair.Reference, before, new { repair.Status, repair.CompletedAt, Reason = reason.Trim() });
            await housing.SaveChangesAsync(c);
            await portal.SaveChangesAsync(c);
            return UnitOfWork.Commit(new RecallResult(RecallOutcome.Raised, repair.Reference));
        }, ct);

    /// <summary>The open recall job already raised for a repair, if any (a second "not fixed" goes to it).</summary>
    public Task<string?> OpenRecallAsync(int repairId, CancellationToken ct) =>
        housing.Repairs.AsNoTracking()
            .Where(r => r.RecallOfRepairId == repairId && r.Status != RepairStatus.Completed && r.Status != RepairStatus.Cancelled)
            .Select(r => r.Reference).FirstOrDefaultAsync(ct);

    private async Task<string> RaiseAsync(Repair original, string whatIsWrong, RepairChannel channel, string actor, int? tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var recall = new Repair
        {
            Reference = await references.NextAsync(UkTime.DateOf(now).Year, ct),
            PropertyId = original.PropertyId,
            TenancyId = original.TenancyId,
            ReportedByTenantId = tenantId ?? original.ReportedByTenantId,
            CatalogueItemId = original.CatalogueItemId,
            Trade = original.Trade,
            Priority = original.Priority,
            Description = Truncate($"Not fixed (recall of {original.Reference}): {whatIsWrong.Trim()}", 1000),
            Location = original.Location,
            Status = RepairStatus.Reported,
            ReportedAt = now,
            Channel = channel,
            ContactPhone = original.ContactPhone,
            HazardType = original.HazardType,
            RecallOfRepairId = original.Id,
        };
        targets.Apply(recall);
        recall.History.Add(new RepairStatusChange { Status = RepairStatus.Reported, At = now, ChangedBy = actor, Channel = channel, Note = $"Recall: repair {original.Reference} was not fixed", NoteVisibleToTenant = true });
        housing.Repairs.Add(recall);
        housing.RepairStatusHistory.Add(new RepairStatusChange { RepairId = original.Id, Status = original.Status, At = now, ChangedBy = actor, Channel = channel, Note = $"Not fixed: recall job {recall.Reference} raised", NoteVisibleToTenant = true });
        await housing.SaveChangesAsync(ct);

        // Through the notifications module, by the channel the tenant chose (a letter when nothing else is allowed).
        if (recall.ReportedByTenantId is int told)
        {
            var item = await housing.RepairCatalogue.AsNoTracking().Where(c => c.Id == recall.CatalogueItemId)
                .Select(c => new { c.Item, c.Problem }).SingleAsync(ct);
            await notifier.TellAsync(portal, told, messages.RecallRaised(recall.Reference, original.Reference, RepairWords.What(item.Item, item.Problem), RepairWording.Date(recall.TargetDate)), ct);
            await portal.SaveChangesAsync(ct);
        }

        return recall.Reference;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
