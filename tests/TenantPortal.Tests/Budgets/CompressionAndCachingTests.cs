using System.Net;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Budgets;

/// <summary>Pages travel compressed and are never kept by shared caches; static assets are cached for a year only
/// when their URL carries a version (asp-append-version), so a new release is fetched at once.</summary>
public sealed class CompressionAndCachingTests : IClassFixture<PortalAppFixture>
{
    private readonly PortalAppFixture app;

    public CompressionAndCachingTests(PortalAppFixture app) => this.app = app;

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Signed_in_page_over_https_is_compressed_and_not_stored(string encoding)
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/rent/statement", UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        Assert.True(cacheControl.NoStore, $"Cache-Control: {cacheControl}");
        Assert.False(cacheControl.Public, $"Cache-Control: {cacheControl}");
        Assert.Null(cacheControl.MaxAge);
    }

    [Fact]
    public async Task Every_versioned_asset_on_a_page_is_cached_for_a_year_and_immutable()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);
        var document = await client.GetDocumentAsync("/repairs");
        var assets = document.QuerySelectorAll("link[rel=stylesheet][href^='/'], script[src^='/']")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();

        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            var response = await client.GetAsync(new Uri(asset, UriKind.Relative));
            var cacheControl = response.Headers.CacheControl?.ToString() ?? "";

            Assert.Contains("?v=", asset, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("public", cacheControl, StringComparison.Ordinal);
            Assert.Contains("max-age=31536000", cacheControl, StringComparison.Ordinal);
            Assert.Contains("immutable", cacheControl, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unversioned_asset_is_cached_briefly_and_not_immutable()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        var cacheControl = response.Headers.CacheControl?.ToString() ?? "";

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("immutable", cacheControl, StringComparison.Ordinal);
        Assert.Contains("max-age=3600", cacheControl, StringComparison.Ordinal);
    }
}
