using System.Net;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Foundation;

public sealed class HomePageTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    [Fact]
    public async Task Home_page_renders_for_phones_in_the_landlords_name()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("width=device-width, initial-scale=1", document.QuerySelector("meta[name=viewport]")?.GetAttribute("content"));
        Assert.Contains("Northgate Homes", document.QuerySelector(".site-header__brand").Text());
        Assert.Equal("#main", document.QuerySelector("a.skip-link")?.GetAttribute("href"));
        Assert.Empty(document.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task Landlord_name_and_colour_come_from_configuration()
    {
        using var factory = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Landlord:Name"] = "Riverside Housing Co-op",
            ["Landlord:BrandColour"] = "#7a1f5c",
            ["Landlord:LogoUrl"] = "/img/logo.svg",
        });
        var client = factory.CreateBrowserClient();

        var document = await client.GetDocumentAsync("/");
        var brandCss = await client.GetStringAsync(new Uri(document.QuerySelector("link[href^='/brand.css']")!.GetAttribute("href")!, UriKind.Relative));
        var logo = document.QuerySelector("img.site-header__logo")?.GetAttribute("src");
        var logoResponse = await client.GetAsync(new Uri(logo!, UriKind.Relative));

        Assert.Contains("Riverside Housing Co-op", document.Title, StringComparison.Ordinal);
        Assert.Contains("--brand:#7a1f5c", brandCss, StringComparison.Ordinal);
        Assert.StartsWith("/img/logo.svg?v=", logo, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, logoResponse.StatusCode);
        Assert.Equal("image/svg+xml", logoResponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_page_gets_a_friendly_404_with_the_phone_number()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", document.QuerySelector("h1").Text());
        Assert.Contains("0300 123 4567", document.QuerySelector("main").Text(), StringComparison.Ordinal);
    }
}
