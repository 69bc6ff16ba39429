using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Admin.Dashboard;

/// <summary>The staff landing page (a placeholder: its content is built by the admin dashboard issue).</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin")]
public sealed class DashboardController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
