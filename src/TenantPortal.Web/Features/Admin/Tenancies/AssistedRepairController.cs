using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Features.ReportRepair;
using TenantPortal.Web.Features.Shared;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Security;

using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Admin.Tenancies;

/// <summary>Assisted digital: an officer reports a repair for a tenancy (on the phone or in person) through the same
/// pages and rules as the tenant's journey (<see cref="RepairJourneyController"/>), at
/// /admin/tenancies/{reference}/report-repair. The officer chooses the channel (Phone or Officer) on the first page; the
/// job is reported for the lead tenant, officers may book for households with a cautionary alert, and the report is
/// audited ("repair.reported-for-tenant") in the same transaction as the job.</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin/tenancies/{tenancy}/report-repair")]
public sealed class AssistedRepairController(
    HousingDbContext db,
    PortalDbContext portal,
    PortalUnitOfWork unitOfWork,
    AuditTrail audit,
    RepairDraftStore drafts,
    RepairPhotoStore photos,
    RepairQueries queries,
    RepairTargets targets,
    AppointmentBooking booking,
    RepairReporting reporting,
    TimeProvider clock,
    ILogger<AssistedRepairController> logger) : RepairJourneyController(db, drafts, photos, queries, targets, booking, reporting, clock, logger)
{
    private string reference = "";
    private int tenancyId;
    private int? leadTenantId;

    protected override string BasePath => $"/admin/tenancies/{Uri.EscapeDataString(reference)}/report-repair";

    protected override int TenancyId => tenancyId;

    protected override int? ReporterTenantId => leadTenantId;

    protected override bool StaffJourney => true;

    protected override string RepairsHome => "/admin/repairs";

    protected override bool AlertStopsBooking => false;

    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var requested = Reference.TryParse(context.RouteData.Values["tenancy"] as string, null, out var parsed) ? parsed.Value : "";
        var tenancy = await Db.Tenancies.AsNoTracking().Where(t => t.Reference == requested)
            .Select(t => new
            {
                t.Id,
                t.Reference,
                t.Status,
                t.EndDate,
                Lead = t.Tenants.OrderBy(x => x.Role == TenantRole.LeadTenant ? 0 : 1).ThenBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (tenancy is null)
        {
            context.Result = NotFound();
            return;
        }

        if (tenancy.Status == TenancyStatus.Ended)
        {
            // The officer journey refuses an ended tenancy too (RepairReporting would as well).
            context.Result = ActiveTenancyFilter.Refuse(this, new TenancyEndedPage(tenancy.EndDate, ForOfficer: true));
            return;
        }

        (reference, tenancyId, leadTenantId) = (tenancy.Reference, tenancy.Id, tenancy.Lead);
        ViewData["AssistedTenancy"] = tenancy.Reference;
        await base.OnActionExecutionAsync(context, next);
    }

    /// <summary>The job and its audit entry in one transaction: a slot taken meanwhile or an invalid report rolls back
    /// the reference number too.</summary>
    protected override Task<SubmitResult> SubmitDraftAsync(RepairDraft draft, CancellationToken ct) =>
        unitOfWork.ExecuteAsync(async c =>
        {
            var result = await Reporting.SubmitAsync(draft, draft.Channel, new RepairActor(User.DisplayName(), null), c);
            if (result.Status != SubmitStatus.Created)
            {
                // A slot taken meanwhile or an invalid report: the reporting rolled its writes back, so this does too.
                return UnitOfWork.Rollback(result);
            }

            audit.Record(portal, User, "repair.reported-for-tenant", "Repair", result.Reference!, null, new
            {
                Tenancy = reference,
                Channel = draft.Channel.ToString(),
                draft.CatalogueItemId,
                draft.SlotId,
            });
            await portal.SaveChangesAsync(c);
            return UnitOfWork.Commit(result);
        }, ct);
}
