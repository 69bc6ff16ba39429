using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Foundation;

/// <summary>An unexpected failure in Production: the friendly page with the phone number and a reference to quote,
/// never the exception.</summary>
public sealed class ProductionErrorPageTests
{
    [Fact]
    public async Task An_unhandled_exception_in_production_shows_the_friendly_page_with_the_phone_number_and_no_details()
    {
        using var factory = new PortalAppFactory(
            services => services.AddControllersWithViews().AddApplicationPart(typeof(FailingTestController).Assembly),
            ProductionSettings.ForFactory(),
            environment: "Production");
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync(new Uri(FailingTestController.Path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Sorry, there is a problem with the service", page.QuerySelector("h1").Text());
        Assert.Contains("0300 123 4567", page.NormalisedText(), StringComparison.Ordinal);
        Assert.Contains("you can quote this reference", page.NormalisedText(), StringComparison.Ordinal);
        Assert.DoesNotContain(FailingTestController.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }
}

/// <summary>Only in this test's app: an action that fails the way a bug would.</summary>
[AllowAnonymous]
public sealed class FailingTestController : Controller
{
    public const string Path = "/test-only/fail";
    public const string Secret = "internal detail that must never reach a tenant";

    [HttpGet(Path)]
    public IActionResult Fail() => throw new InvalidOperationException(Secret);
}
