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
}
