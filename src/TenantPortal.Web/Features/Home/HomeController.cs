using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Features.Shared;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index([FromServices] TenantDashboard dashboard, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        if (User.IsInRole(PortalRoles.Officer) || User.IsInRole(PortalRoles.Administrator))
        {
            return RedirectToAction(nameof(Admin.Dashboard.DashboardController.Index), "Dashboard", new { area = "Admin" });
        }

        if (!User.IsTenant())
        {
            return View("Index");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), UkTimeZone).DateTime);
        var model = await dashboard.LoadAsync(User.TenancyId(), today, ct);
        return model is null ? NotFound() : View("Dashboard", model);
    }

    private static readonly TimeZoneInfo UkTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The landlord's brand colour; the CSP forbids inline styles so it is served as a tiny stylesheet. Cached
    /// like the static assets: a year and immutable when the URL carries its version (the layout's link does).</summary>
    [HttpGet("/brand.css")]
    public IActionResult Brand([FromServices] IOptions<LandlordOptions> landlord)
    {
        Response.Headers.CacheControl = Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600";
        return Content(BrandCss.Content(landlord.Value), "text/css");
    }
}
