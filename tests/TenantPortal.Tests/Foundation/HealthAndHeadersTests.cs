using System.Net;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Foundation;

public sealed class HealthAndHeadersTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_report_healthy(string path)
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_check_fails_when_a_database_is_unreachable()
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();
        await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        File.Delete(factory.DatabasePath);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(factory.Folder, recursive: true);

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/no-such-page")]
    public async Task Every_page_carries_the_security_headers(string path)
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_adds_strict_transport_security_and_hides_errors()
    {
        using var factory = new PortalAppFactory(settings: ProductionSettings.ForFactory(), environment: "Production");
        var client = factory.CreateBrowserClient();
        // HSTS is never sent to localhost, so ask as the public host name.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("https://portal.example.org/"));

        var response = await client.SendAsync(request);

        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_rejected()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "demo.tenant@example.org", ["Password"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Static_assets_are_cached_long_with_versioned_urls_and_compressed()
    {
        var client = app.Factory.CreateBrowserClient();
        var document = await client.GetDocumentAsync("/");
        var css = document.QuerySelector("link[href^='/css/site.css']")!.GetAttribute("href")!;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(css, UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("br");

        var response = await client.SendAsync(request);

        Assert.Contains("?v=", css, StringComparison.Ordinal);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("br", response.Content.Headers.ContentEncoding);
    }
}
