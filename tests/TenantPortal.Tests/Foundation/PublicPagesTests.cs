using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using TenantPortal.Tests.Accounts;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Foundation;

/// <summary>The pages every public service has (help and contact, accessibility statement, privacy notice, cookies),
/// reachable from every page's footer.</summary>
public sealed class PublicPagesTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    [Theory]
    [InlineData("Help and contact", "/help", "Help and contact")]
    [InlineData("Accessibility statement", "/accessibility", "Accessibility statement for Northgate Homes's tenant website")]
    [InlineData("Privacy notice", "/privacy", "Privacy notice")]
    [InlineData("Cookies", "/cookies", "Cookies")]
    public async Task Every_page_links_from_its_footer_to_the_pages_every_public_service_has(string linkText, string path, string heading)
    {
        var client = app.Factory.CreateBrowserClient();
        var home = await client.GetDocumentAsync("/");

        var link = home.QuerySelectorAll(".site-footer a").Single(a => a.Text().Trim() == linkText);
        var response = await client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        var page = await response.GetDocumentAsync();

        Assert.Equal(path, link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, page.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Help_and_contact_gives_the_phones_hours_address_and_how_to_get_help_online()
    {
        var client = app.Factory.CreateBrowserClient();

        var help = await client.GetDocumentAsync("/help");
        var contact = await client.GetDocumentAsync("/contact");

        var main = help.QuerySelector("main").Text();
        Assert.Contains("0300 123 4567, Monday to Friday, 8am to 6pm", main, StringComparison.Ordinal);
        Assert.Equal("tel:03001234999", help.QuerySelectorAll("#emergencies ~ p a")[0].GetAttribute("href"));
        Assert.Contains("1 Market Street", help.QuerySelector("address").Text(), StringComparison.Ordinal);
        Assert.Contains(help.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/account/register");
        Assert.Contains(help.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/account/forgotten-password");
        Assert.Equal("Help and contact", contact.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task The_footer_phone_numbers_including_gas_are_tappable_and_do_not_break_across_lines()
    {
        var client = app.Factory.CreateBrowserClient();

        var footer = (await client.GetDocumentAsync("/")).QuerySelector(".site-footer")!;

        var phones = footer.QuerySelectorAll("a[href^='tel:']").Select(a => (a.GetAttribute("href"), a.ClassList.Contains("phone"))).ToList();
        Assert.Equal([("tel:03001234567", true), ("tel:03001234999", true), ("tel:0800111999", true)], phones);
    }

    [Fact]
    public async Task The_accessibility_statement_has_every_part_the_2018_regulations_require_with_the_landlords_dates()
    {
        // The Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018, reg. 8
        // and the model statement: compliance status, non-accessible content, how to get content in another format and
        // report problems, the enforcement procedure, and when the statement was prepared and the site tested.
        var client = app.Factory.CreateBrowserClient();

        var page = await client.GetDocumentAsync("/accessibility");

        var headings = page.QuerySelectorAll("h2, h3").Select(h => h.Text().Trim()).ToList();
        Assert.Equal(
            ["How accessible this website is", "Feedback and contact information", "Reporting accessibility problems with this website", "Enforcement procedure", "Technical information about this website's accessibility", "Compliance status", "Non-accessible content", "What we're doing to improve accessibility", "Preparation of this accessibility statement"],
            headings);
        var text = page.QuerySelector("main").Text();
        Assert.Contains("This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below.", text, StringComparison.Ordinal);
        Assert.Contains("This statement was prepared on 30 November 2026.", text, StringComparison.Ordinal);
        Assert.Contains("Equality Advisory and Support Service (EASS)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fully_compliant_landlord_lists_no_non_accessible_content()
    {
        using var factory = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Landlord:Accessibility:Compliance"] = "Fully",
            ["Landlord:Accessibility:KnownIssues:0"] = "",
            ["Landlord:Accessibility:TestedOn"] = "2027-01-15",
        });
        var client = factory.CreateBrowserClient();

        var page = await client.GetDocumentAsync("/accessibility");

        var text = page.QuerySelector("main").Text();
        Assert.Contains("This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.", text, StringComparison.Ordinal);
        Assert.Contains("This website was last tested on 15 January 2027.", text, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#non-accessible-content"));
    }

    [Fact]
    public async Task Every_cookie_the_portal_sets_is_listed_on_the_cookies_page()
    {
        // PECR reg. 6: a site must say what it stores; ours are all strictly necessary, so the page must list each.
        using var factory = new PortalAppFactory();
        var recorded = new HashSet<string>();
        HttpClient Client() => factory.CreateDefaultClient(new Uri("https://localhost"), new SetCookieRecorder(recorded), new CookieContainerHandler());
        var tenant = Client();

        await SignIn.AsTenantAsync(tenant);
        await tenant.GetAsync(new Uri("/repairs", UriKind.Relative));
        await SignIn.AsOfficerAsync(Client());
        await AccountJourneys.RegisterAsync(Client(), AccountJourneys.Grace(), "grace.cookies@example.org");
        var listed = (await factory.CreateBrowserClient().GetDocumentAsync("/cookies")).QuerySelectorAll(".cookie-list__name").Select(n => n.Text().Trim()).ToHashSet();

        Assert.Contains("__Host-TenantPortal", recorded);
        Assert.Contains("__Host-TenantPortal.TwoFactor", recorded);
        Assert.All(recorded, name => Assert.Contains(name, listed));
    }

    [Fact]
    public async Task The_favicon_comes_from_the_landlords_configuration()
    {
        var client = app.Factory.CreateBrowserClient();

        var icon = (await client.GetDocumentAsync("/")).QuerySelector("link[rel=icon]")?.GetAttribute("href");
        var iconResponse = await client.GetAsync(new Uri(icon!, UriKind.Relative));
        var legacy = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));

        Assert.StartsWith("/img/favicon.svg?v=", icon, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, iconResponse.StatusCode);
        Assert.Equal("image/svg+xml", iconResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.MovedPermanently, legacy.StatusCode);
        Assert.Equal("/img/favicon.svg", legacy.Headers.Location?.OriginalString);
    }

    private sealed class SetCookieRecorder(HashSet<string> names) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                lock (names)
                {
                    // A cookie set to nothing is being deleted (Identity clears its external sign-in cookie at every
                    // sign-in): only cookies that store something need listing.
                    names.UnionWith(cookies.Where(c => !c.Contains("=;", StringComparison.Ordinal)).Select(c => c[..c.IndexOf('=', StringComparison.Ordinal)]));
                }
            }

            return response;
        }
    }
}
