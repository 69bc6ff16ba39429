using Microsoft.Playwright;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RentStatementBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(320)]
    [InlineData(360)]
    public async Task On_the_narrowest_phones_every_statement_column_is_on_screen_without_sideways_scrolling(int width)
    {
        var page = await browser.NewPageAsync(width, 640);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", DemoSeeder.TenantEmail);
        await page.FillAsync("#Password", DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync("/rent/statement");
        var fits = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        var balances = page.Locator("table.statement tbody tr td[data-label=Balance]");
        var firstBalance = await balances.First.BoundingBoxAsync();
        var firstDate = await page.Locator("table.statement tbody tr td[data-label=Date]").First.BoundingBoxAsync();
        var label = await balances.First.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content");

        Assert.True(fits, $"The statement scrolls sideways at {width} px");
        Assert.True(await balances.CountAsync() > 1);
        Assert.True(firstBalance!.X + firstBalance.Width <= width, $"The balance ends at {firstBalance.X + firstBalance.Width} px of {width}");
        Assert.Equal("\"Balance\"", label);
        Assert.True(firstDate!.Height < 40, $"The date wraps: {firstDate.Height} px high");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_tenant_menu_keeps_each_item_on_one_line_at_360_px()
    {
        var page = await browser.NewPageAsync(360, 640);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", DemoSeeder.TenantEmail);
        await page.FillAsync("#Password", DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var items = page.Locator(".site-nav__list a");
        var heights = new List<float>();
        for (var i = 0; i < await items.CountAsync(); i++)
        {
            heights.Add((await items.Nth(i).BoundingBoxAsync())!.Height);
        }

        Assert.Equal(4, heights.Count);
        Assert.All(heights, h => Assert.True(h <= 48, $"A menu item wraps onto two lines ({h} px high)"));
        await page.Context.CloseAsync();
    }
}
