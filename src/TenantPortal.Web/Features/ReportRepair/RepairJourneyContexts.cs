using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Shared;
using TenantPortal.Web.Infrastructure.Security;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.ReportRepair;

/// <summary>Works out whose journey a request is part of from its address: /repairs/report is the signed-in tenant's
/// own tenancy (Tenant policy); /admin/tenancies/{tenancy}/report-repair is an officer's report for that tenancy (Staff
/// policy; reported for the lead tenant). A user who fails the policy gets 403, an unknown tenancy 404.</summary>
public sealed class RepairJourneyContexts(IAuthorizationService authorization, HousingDbContext db)
{
    public const string TenancyRouteValue = "tenancy";

    public async Task<(RepairJourneyContext? Context, IActionResult? Refusal)> ForRequestAsync(ControllerBase controller, CancellationToken ct)
    {
        var user = controller.User;
        var officer = controller.RouteData.Values.ContainsKey(TenancyRouteValue);
        var policy = officer ? PortalPolicies.Staff : PortalPolicies.Tenant;
        if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
        {
            return (null, controller.Forbid());
        }

        var owner = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (!officer)
        {
            // A former tenant can see their history but not report a repair at the old home.
            var tenancyId = user.TenancyId();
            var ended = await db.Tenancies.AsNoTracking().Where(t => t.Id == tenancyId && t.Status == TenancyStatus.Ended)
                .Select(t => new { t.EndDate }).SingleOrDefaultAsync(ct);
            return ended is not null && controller is Controller tenantPages
                ? (null, ActiveTenancyFilter.Refuse(tenantPages, new TenancyEndedPage(ended.EndDate, ForOfficer: false)))
                : (new RepairJourneyContext(owner, tenancyId, user.TenantId(), user.DisplayName(), null), null);
        }

        var requested = Reference.TryParse(controller.RouteData.Values[TenancyRouteValue] as string, null, out var parsed) ? parsed.Value : "";
        var tenancy = await db.Tenancies.AsNoTracking().Where(t => t.Reference == requested)
            .Select(t => new
            {
                t.Id,
                t.Reference,
                t.Status,
                t.EndDate,
                Lead = t.Tenants.OrderBy(x => x.Role == TenantRole.LeadTenant ? 0 : 1).ThenBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (tenancy is { Status: TenancyStatus.Ended } && controller is Controller officerPages)
        {
            // The officer journey refuses an ended tenancy too (RepairReporting would as well).
            return (null, ActiveTenancyFilter.Refuse(officerPages, new TenancyEndedPage(tenancy.EndDate, ForOfficer: true)));
        }

        return tenancy is null
            ? (null, controller.NotFound())
            : (new RepairJourneyContext(owner, tenancy.Id, tenancy.Lead, user.DisplayName(), tenancy.Reference), null);
    }
}
