using System.Security.Claims;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.ReportRepair;

/// <summary>Turns the answers into a job (<see cref="RepairReporting.SubmitAsync"/>). A tenant's report is theirs, on
/// the portal channel. An officer's is on the channel they chose and is audited ("repair.reported-for-tenant", and
/// "repair.priority-set-on-report" when they set the priority with a reason) in the same transaction as the job: a
/// slot taken meanwhile or an invalid report rolls back the reference number and the audit entries too.</summary>
public sealed class RepairJourneySubmission(RepairReporting reporting, PortalUnitOfWork unitOfWork, PortalDbContext portal, AuditTrail audit)
{
    public Task<SubmitResult> SubmitAsync(RepairDraft draft, RepairJourneyContext journey, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!journey.ForOfficer)
        {
            return reporting.SubmitAsync(draft, RepairChannel.Portal, new RepairActor(journey.ActorName, journey.ReporterTenantId), ct);
        }

        return unitOfWork.ExecuteAsync(async c =>
        {
            var result = await reporting.SubmitAsync(draft, draft.Channel, new RepairActor(journey.ActorName, null), c);
            if (result.Status != SubmitStatus.Created)
            {
                // A slot taken meanwhile or an invalid report: the reporting rolled its writes back, so this does too.
                return UnitOfWork.Rollback(result);
            }

            audit.Record(portal, user, "repair.reported-for-tenant", "Repair", result.Reference!, null, new
            {
                Tenancy = journey.TenancyReference,
                Channel = draft.Channel.ToString(),
                draft.CatalogueItemId,
                draft.SlotId,
            });
            if (draft.PriorityOverride is { } priority)
            {
                audit.Record(portal, user, "repair.priority-set-on-report", "Repair", result.Reference!, new { Priority = draft.CataloguePriority?.ToString() }, new
                {
                    Priority = priority.ToString(),
                    Reason = draft.PriorityReason,
                });
            }

            await portal.SaveChangesAsync(c);
            return UnitOfWork.Commit(result);
        }, ct);
    }
}
