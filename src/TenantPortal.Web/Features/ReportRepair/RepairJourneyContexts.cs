using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
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
            return (new RepairJourneyContext(owner, user.TenancyId(), user.TenantId(), user.DisplayName(), null), null);
        }

        var requested = Reference.TryParse(controller.RouteData.Values[TenancyRouteValue] as string, null, out var parsed) ? parsed.Value : "";
        var tenancy = await db.Tenancies.AsNoTracking().Where(t => t.Reference == requested)
            .Select(t => new
            {
                t.Id,
                t.Reference,
                Lead = t.Tenants.OrderBy(x => x.Role == TenantRole.LeadTenant ? 0 : 1).ThenBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        return tenancy is null
            ? (null, controller.NotFound())
            : (new RepairJourneyContext(owner, tenancy.Id, tenancy.Lead, user.DisplayName(), tenancy.Reference), null);
    }
}
