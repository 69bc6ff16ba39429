using System.Net;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Accounts;

public sealed class RateLimitTests
{
    [Theory]
    [InlineData("/account/sign-in", "Email", "someone@example.org")]
    [InlineData("/account/register", "Reference", "DEMO-9999")]
    [InlineData("/account/forgotten-password", "Email", "someone@example.org")]
    [InlineData("/account/confirm-email/send-again", "Email", "someone@example.org")]
    public async Task Too_many_posts_from_one_address_get_the_friendly_429_page(string url, string field, string value)
    {
        using var factory = new PortalAppFactory(settings: new Dictionary<string, string?> { ["RateLimiting:AuthPermitsPerMinute"] = "3" });
        var client = factory.CreateBrowserClient();
        var document = await client.GetDocumentAsync(url);
        var fields = new Dictionary<string, string> { [field] = value };

        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.SubmitFormAsync(document, fields)).StatusCode);
        }

        var limited = await client.SubmitFormAsync(document, fields);
        var page = await limited.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("Too many attempts", page.QuerySelector("h1").Text());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }
}
