using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class HomePageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Home_page_fits_a_phone_screen_without_horizontal_scrolling()
    {
        var page = await browser.NewPageAsync(375, 667);

        await page.GotoAsync("/");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var clientWidth = await page.EvaluateAsync<int>("document.documentElement.clientWidth");

        Assert.Equal("Northgate Homes tenants: your home, online", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.True(scrollWidth <= clientWidth, $"Page is {scrollWidth}px wide in a {clientWidth}px viewport");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/no-such-page")]
    [InlineData("/help")]
    [InlineData("/accessibility")]
    [InlineData("/privacy")]
    [InlineData("/cookies")]
    public async Task Public_pages_have_no_accessibility_violations(string path)
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync(path);

        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/help")]
    [InlineData("/accessibility")]
    [InlineData("/privacy")]
    [InlineData("/cookies")]
    public async Task The_footer_pages_fit_the_narrowest_phone_without_sideways_scrolling(string path)
    {
        var page = await browser.NewPageAsync(320, 640);

        await page.GotoAsync(path);
        var fits = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth");

        Assert.True(fits, $"{path} scrolls sideways at 320 px");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_in_errors_are_summarised_and_focused_with_links_to_the_fields()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        Assert.True(await summary.EvaluateAsync<bool>("e => e === document.activeElement"));
        Assert.Equal("#Email", await summary.Locator("a").First.GetAttributeAsync("href"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Demo_tenant_signs_in_over_plain_http_on_localhost_and_is_greeted()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await page.GetByLabel("Email address").FillAsync(TenantPortal.Web.Infrastructure.Database.DemoSeeder.TenantEmail);
        await page.GetByLabel("Password").FillAsync(TenantPortal.Web.Infrastructure.Database.DemoSeeder.Password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        Assert.Equal("Hello, Alex Morgan", (await page.Locator("h1").TextContentAsync())?.Trim());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
