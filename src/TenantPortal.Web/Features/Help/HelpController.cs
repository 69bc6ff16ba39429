using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Web.Features.Help;

/// <summary>The pages every public service has, linked from the footer: help and contact, the accessibility statement
/// and the cookies page. Each reads the landlord's settings, so they cannot drift from what the portal does.</summary>
[AllowAnonymous]
public sealed class HelpController(IOptions<LandlordOptions> landlord, EssentialCookies cookies) : Controller
{
    [HttpGet("/help")]
    public IActionResult Index() => View("Index", landlord.Value);

    /// <summary>The address people guess for the same page.</summary>
    [HttpGet("/contact")]
    public IActionResult Contact() => View("Index", landlord.Value);

    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => View("Accessibility", landlord.Value);

    /// <summary>Browsers and tools ask for /favicon.ico whatever the page says; send them to the landlord's icon.</summary>
    [HttpGet("/favicon.ico")]
    public IActionResult Favicon() => LocalRedirectPermanent(landlord.Value.FaviconUrl);

    [HttpGet("/cookies")]
    public IActionResult Cookies() => View("Cookies", cookies.All());
}
