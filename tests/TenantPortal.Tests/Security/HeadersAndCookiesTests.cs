using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Security;

/// <summary>ASVS V14.4.x (headers) and V3.4.x (cookie flags) on public, tenant and admin pages alike.</summary>
public sealed class HeadersAndCookiesTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private async Task<HttpClient> ClientAsync(string who)
    {
        var client = app.Factory.CreateBrowserClient();
        if (who == "tenant")
        {
            await SignIn.AsTenantAsync(client);
        }
        else if (who == "administrator")
        {
            await SignIn.AsAdministratorAsync(client);
        }

        return client;
    }

    [Theory]
    [InlineData("anonymous", "/")]
    [InlineData("anonymous", "/account/sign-in")]
    [InlineData("anonymous", "/account/register")]
    [InlineData("anonymous", "/account/forgotten-password")]
    [InlineData("anonymous", "/no-such-page")]
    [InlineData("anonymous", "/error/500")]
    [InlineData("tenant", "/")]
    [InlineData("tenant", "/rent")]
    [InlineData("tenant", "/rent/statement")]
    [InlineData("tenant", "/rent/statement/download")]
    [InlineData("tenant", "/rent/pay")]
    [InlineData("tenant", "/repairs")]
    [InlineData("tenant", "/repairs/report")]
    [InlineData("tenant", "/contact-details")]
    [InlineData("tenant", "/account/change-password")]
    [InlineData("tenant", "/admin")]
    [InlineData("administrator", "/admin")]
    [InlineData("administrator", "/admin/repairs")]
    [InlineData("administrator", "/admin/tenancies")]
    [InlineData("administrator", "/admin/payments")]
    [InlineData("administrator", "/admin/officers")]
    [InlineData("administrator", "/admin/audit")]
    public async Task Every_page_carries_the_security_headers_and_only_safe_cookies(string who, string url)
    {
        var client = await ClientAsync(who);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
        {
            AssertSafeCookie(cookie);
        }
    }

    [Fact]
    public async Task The_session_cookie_is_host_prefixed_http_only_secure_and_same_site_lax()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = Web.Infrastructure.Database.DemoSeeder.TenantEmail, ["Password"] = Web.Infrastructure.Database.DemoSeeder.Password });

        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-TenantPortal=", StringComparison.Ordinal));
        AssertSafeCookie(session);
        Assert.Contains("samesite=lax", session.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("path=/", session.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", session.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_every_page_sends_hsts_and_the_antiforgery_cookie_is_host_prefixed()
    {
        using var factory = new PortalAppFactory(settings: ProductionSettings.ForFactory(), environment: "Production");
        var client = factory.CreateBrowserClient();
        var seen = new List<string>();

        foreach (var url in new[] { "/", "/account/sign-in", "/account/register", "/no-such-page" })
        {
            // HSTS is never sent to localhost, so ask as the public host name.
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("https://portal.example.org" + url));
            var response = await client.SendAsync(request);

            var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
            Assert.Contains("max-age=", hsts, StringComparison.Ordinal);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
            {
                Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
                AssertSafeCookie(cookie);
                seen.Add(cookie);
            }
        }

        Assert.Contains(seen, c => c.StartsWith("__Host-TenantPortal.Antiforgery=", StringComparison.Ordinal));
    }

    /// <summary>Every cookie the portal sets: HttpOnly, Secure and SameSite; __Host- ones with no Domain.</summary>
    private static void AssertSafeCookie(string cookie)
    {
        var lower = cookie.ToLowerInvariant();
        Assert.True(lower.Contains("; secure", StringComparison.Ordinal), $"Not Secure: {cookie}");
        Assert.True(lower.Contains("; httponly", StringComparison.Ordinal), $"Not HttpOnly: {cookie}");
        Assert.True(lower.Contains("samesite=lax", StringComparison.Ordinal) || lower.Contains("samesite=strict", StringComparison.Ordinal), $"No SameSite: {cookie}");
    }
}
