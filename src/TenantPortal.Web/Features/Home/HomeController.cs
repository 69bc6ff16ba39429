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
    public IActionResult Index()
    {
        if (User.IsInRole(PortalRoles.Officer) || User.IsInRole(PortalRoles.Administrator))
        {
            return Redirect("/admin");
        }

        return View(User.IsTenant() ? "Dashboard" : "Index");
    }

    /// <summary>The landlord's brand colour; the CSP forbids inline styles so it is served as a tiny stylesheet.</summary>
    [HttpGet("/brand.css")]
    [ResponseCache(Duration = 31536000, Location = ResponseCacheLocation.Any)]
    public IActionResult Brand([FromServices] IOptions<LandlordOptions> landlord) =>
        Content(BrandCss.Content(landlord.Value), "text/css");
}
