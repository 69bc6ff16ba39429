using Microsoft.Playwright;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Browser;

/// <summary>The browser side of the 30-minute idle sign-out: the warning two minutes before with "stay signed in",
/// and the text being typed kept in the tab when the session has gone by the time it is sent.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class IdleSignOutBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Two_minutes_before_the_idle_sign_out_the_page_warns_and_stay_signed_in_keeps_the_session()
    {
        var page = await browser.NewPageAsync(375, 667);
        await page.Clock.InstallAsync();
        await SignInAsync(page);
        await page.GotoAsync("/repairs");

        await page.Clock.FastForwardAsync("27:00");
        var before = await page.Locator(".session-warning").CountAsync();
        await page.Clock.FastForwardAsync("01:30");
        var warning = page.GetByRole(AriaRole.Alertdialog);
        await Assertions.Expect(warning).ToBeVisibleAsync();
        var focused = await page.EvaluateAsync<string>("document.activeElement.textContent");
        await warning.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();

        Assert.Equal(0, before);
        Assert.Equal("Stay signed in", focused);
        await Assertions.Expect(page.Locator(".session-warning")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Text_typed_when_the_session_has_ended_is_there_again_after_signing_in()
    {
        var page = await browser.NewPageAsync(375, 667);
        await SignInAsync(page);
        await page.GotoAsync("/repairs");
        await page.Locator(".repair-list__title a").First.ClickAsync();
        var repairPage = page.Url;
        await page.GotoAsync(repairPage + "/add-information");
        var addInformation = page.Url;
        await page.FillAsync("#Information", "The leak has spread to the hall carpet");

        await page.Context.ClearCookiesAsync(); // the session has gone, as after 30 minutes without activity
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Journeys.Journey.WaitForUrlAsync(page, url => url.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.FillAsync("#Email", DemoSeeder.TenantEmail);
        await page.FillAsync("#Password", DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Journeys.Journey.WaitForUrlAsync(page, url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.GotoAsync(addInformation);

        Assert.Equal("The leak has spread to the hall carpet", await page.InputValueAsync("#Information"));
        Assert.Contains("We kept what you were typing", await page.Locator("main").TextContentAsync() ?? "", StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_javascript_off_a_description_sent_after_thirty_minutes_without_activity_is_kept_and_shown_after_signing_in()
    {
        // Two instances on one database, one after the other on the same address: the first serves the tenant until
        // the description is typed; the second's clock reads 40 minutes later, so the sign-in cookie has run out
        // when the form reaches it (and what is kept must be in the shared database, readable by any instance).
        var folder = Directory.CreateTempSubdirectory("tenantportal-kept-").FullName;
        var database = Path.Combine(folder, "tenantportal.db");
        File.Copy(DemoDatabaseTemplate.Path, database);
        await using var first = await AppServer.StartAsync(databasePath: database);
        var port = new Uri(first.BaseUrl).Port;
        var page = await Journeys.Journey.OpenAsync(browser, first, javaScript: false);
        await Journeys.Journey.SignInAsTenantAsync(page);
        await page.GotoAsync("/repairs/report");
        await Journeys.Journey.ClickButtonAsync(page, "It's not an emergency: start");
        foreach (var label in new[] { "Kitchen", "Tap", "Dripping or leaking" })
        {
            await page.GetByLabel(label, new() { Exact = true }).CheckAsync();
            await Journeys.Journey.ClickButtonAsync(page, "Continue");
        }

        await page.FillAsync("#Description", "The tap drips onto the worktop and the cupboard below is wet");
        first.RequestStop();
        await first.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await using var later = await AppServer.StartAsync(new Dictionary<string, string> { ["Clock__Start"] = TestClock.Start.AddMinutes(40).ToString("O", System.Globalization.CultureInfo.InvariantCulture) }, database, port);

        await Journeys.Journey.ClickButtonAsync(page, "Continue");
        await Journeys.Journey.WaitForUrlAsync(page, url => url.Contains("/account/sign-in", StringComparison.Ordinal));
        var signedOut = await page.Locator("#signed-out").TextContentAsync();
        await page.FillAsync("#Email", DemoSeeder.TenantEmail);
        await page.FillAsync("#Password", DemoSeeder.Password);
        await Journeys.Journey.ClickButtonAsync(page, "Sign in");
        await Journeys.Journey.WaitForUrlAsync(page, url => url.EndsWith("/repairs/report/describe", StringComparison.Ordinal));

        Assert.StartsWith("You were signed out after 30 minutes without activity. What you typed has been kept", signedOut?.Trim(), StringComparison.Ordinal);
        Assert.Equal("The tap drips onto the worktop and the cupboard below is wet", await page.InputValueAsync("#Description"));
        Assert.Equal("We kept what you typed before you were signed out. Check it and send it again.", (await page.Locator("#kept-form").TextContentAsync())?.Trim());
        await page.Context.CloseAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", DemoSeeder.TenantEmail);
        await page.FillAsync("#Password", DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
