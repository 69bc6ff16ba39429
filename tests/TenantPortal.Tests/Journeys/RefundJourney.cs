using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Journeys;

public sealed partial class JourneyBrowserTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Administrator_refunds_part_of_a_payment_after_checking_the_amount_and_reason(bool javaScript)
    {
        var app = await apps.ForAsync(javaScript);
        var tenant = await Journey.OpenAsync(browser, app, javaScript);
        await Journey.SignInAsTenantAsync(tenant);
        await tenant.GotoAsync("/rent/pay");
        await tenant.FillAsync("#Form_Amount", "6.00");
        await Journey.ClickButtonAsync(tenant, "Continue");
        await Journey.ClickButtonAsync(tenant, "Pay £6.00");
        await Journey.ClickButtonAsync(tenant, "Payment succeeds");
        await Journey.WaitForUrlAsync(tenant, url => url.Contains("/rent/pay/complete", StringComparison.Ordinal));
        var reference = (await tenant.Locator("#payment-reference").TextContentAsync())!.Trim();
        await tenant.Context.CloseAsync();

        var page = await Journey.OpenAsync(browser, app, javaScript, Journey.DesktopWidth, Journey.DesktopHeight);
        await Journey.SignInAsync(page, DemoSeeder.AdministratorEmail, DemoSeeder.AdministratorAuthenticatorKey, check: false);
        await page.GotoAsync("/admin/payments");
        await Journey.CheckPageAsync(page);
        await Journey.ClickLinkAsync(page, reference);
        await Journey.CheckPageAsync(page);
        await Journey.CheckErrorStateAsync(page, "Continue");
        await page.FillAsync("#Form_Amount", "2.50");
        await page.GetByLabel("Paid twice", new() { Exact = true }).CheckAsync();
        await Journey.ClickButtonAsync(page, "Continue");

        Assert.Equal("Check the refund", await Journey.HeadingAsync(page));
        Assert.Equal("£2.50", (await page.Locator("#refund-amount").TextContentAsync())?.Trim());
        await Journey.CheckPageAsync(page);
        await Journey.ClickButtonAsync(page, "Refund £2.50");
        await Journey.WaitForUrlAsync(page, url => !url.Contains("/refund", StringComparison.Ordinal));
        Assert.Contains("made and posted to the rent account", await page.Locator("[role=status]").TextContentAsync(), StringComparison.Ordinal);
        await Journey.CheckPageAsync(page);
        await page.Context.CloseAsync();
    }
}
