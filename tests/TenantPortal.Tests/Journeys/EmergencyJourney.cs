namespace TenantPortal.Tests.Journeys;

public sealed partial class JourneyBrowserTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tenant_who_chooses_a_smell_of_gas_is_told_to_call_the_gas_emergency_number_and_reports_nothing_online(bool javaScript)
    {
        var app = await apps.ForAsync(javaScript);
        var page = await Journey.OpenAsync(browser, app, javaScript);
        await Journey.SignInAsTenantAsync(page);
        await page.GotoAsync("/repairs/report");
        await Journey.ClickButtonAsync(page, "It's not an emergency: start");

        foreach (var label in new[] { "Anywhere in the home", "Gas", "Smell of gas" })
        {
            await page.GetByLabel(label, new() { Exact = true }).CheckAsync();
            await Journey.ClickButtonAsync(page, "Continue");
        }

        await Journey.WaitForUrlAsync(page, url => url.Contains("/repairs/report/call-us", StringComparison.Ordinal));
        Assert.Equal("This is an emergency: call us now", await Journey.HeadingAsync(page));
        Assert.Equal(1, await page.Locator("main .notice a[href='tel:0800111999']").CountAsync());
        await Journey.CheckPageAsync(page);
        await page.Context.CloseAsync();
    }
}
