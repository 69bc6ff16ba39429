using System.Net;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Security;

/// <summary>An error page's status comes from the route the pipeline re-executes, never from what was posted.</summary>
public sealed class ErrorStatusTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    [Theory]
    [InlineData("code", "200")]
    [InlineData("Code", "654321")]
    [InlineData("code", "302")]
    public async Task A_post_to_an_unknown_address_is_a_404_whatever_status_the_form_names(string field, string value)
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.PostAsync(new Uri("/nope", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { [field] = value }));
        var page = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task The_error_route_itself_only_answers_error_statuses()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.GetAsync(new Uri("/error/200", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_officer_refused_by_the_rate_limit_on_the_code_page_gets_the_429_page()
    {
        using var factory = new PortalAppFactory(settings: new Dictionary<string, string?> { ["RateLimiting:AuthPermitsPerMinute"] = "3" });
        var client = factory.CreateBrowserClient();
        var password = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = DemoSeeder.OfficerEmail, ["Password"] = DemoSeeder.Password });
        var codePage = password.Headers.Location!.OriginalString;

        var response = await client.SubmitFormAsync(codePage, new Dictionary<string, string> { ["Code"] = "654321" });
        for (var attempt = 0; attempt < 5 && response.StatusCode == HttpStatusCode.OK; attempt++)
        {
            response = await client.SubmitFormAsync(codePage, new Dictionary<string, string> { ["Code"] = "654321" });
        }

        var page = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("0300 123 4567", page.NormalisedText(), StringComparison.Ordinal);
    }
}
