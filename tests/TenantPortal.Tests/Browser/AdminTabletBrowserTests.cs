using Microsoft.Playwright;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Browser;

/// <summary>The admin area is desktop first but must be usable on a tablet held upright (768px): nothing wider than
/// the screen, and wide tables scroll inside their own box.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AdminTabletBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_pages_fit_a_768px_tablet_without_the_page_scrolling_sideways()
    {
        var page = await browser.NewPageAsync(width: 768, height: 1024);
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoSeeder.OfficerEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        browser.App.ForgetUsedAuthenticatorCodes();
        await page.Locator("input[name=Code]").FillAsync(Totp.Code(DemoSeeder.OfficerAuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Journeys.Journey.WaitForUrlAsync(page, url => url.EndsWith("/admin", StringComparison.Ordinal));

        await page.GotoAsync("/admin/repairs");
        var firstRepair = await page.Locator("#queue tr[data-reference]").First.GetAttributeAsync("data-reference");
        var tooWide = new List<string>();
        foreach (var path in new[] { "/admin", "/admin/repairs", $"/admin/repairs/{firstRepair}", "/admin/tenancies", $"/admin/tenancies/{DemoData.TenancyReference}", "/admin/payments" })
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 768)
            {
                tooWide.Add($"{path}: {width}px");
            }
        }

        Assert.Empty(tooWide);
        await page.Context.CloseAsync();
    }
}
