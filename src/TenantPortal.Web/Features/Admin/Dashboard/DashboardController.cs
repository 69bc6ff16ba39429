using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Admin.Dashboard;

[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
public sealed class DashboardController(ServiceMeasures measures) : Controller
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index([FromQuery] int hazardPage, CancellationToken ct) => View(await measures.DashboardAsync(Math.Max(1, hazardPage), ct));
}
