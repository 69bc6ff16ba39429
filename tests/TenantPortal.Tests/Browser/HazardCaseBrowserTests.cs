using Microsoft.Data.Sqlite;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Journeys;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Browser;

/// <summary>An officer classifies a repair as an Awaab's Law hazard and records the investigation, in a browser, with
/// axe on every page and error state.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class HazardCaseBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_classifies_a_repair_as_a_hazard_and_records_the_investigation()
    {
        // Its own app and database: this changes a repair.
        await using var app = await AppServer.StartAsync();
        var reference = await OrdinaryOpenRepairAsync(app.DatabasePath);
        var page = await Journey.OpenAsync(browser, app, javaScript: true, Journey.DesktopWidth, Journey.DesktopHeight);
        await Journey.SignInAsync(page, DemoSeeder.OfficerEmail, DemoSeeder.OfficerAuthenticatorKey, check: false);

        await page.GotoAsync($"/admin/repairs/{reference}");
        await Journey.ClickLinkAsync(page, "Classify as a hazard");
        Assert.Equal($"Hazard case: repair {reference}", await Journey.HeadingAsync(page));
        await Journey.CheckPageAsync(page);
        await Journey.CheckErrorStateAsync(page, "Classify as a hazard");

        await page.SelectOptionAsync("#Classify_Kind", "DampAndMould");
        await page.FillAsync("#Classify_Reason", "Mould on the bedroom ceiling, baby in the room");
        await Journey.ClickButtonAsync(page, "Classify as a hazard");
        Assert.Contains("now a hazard case", await page.Locator("#hazard-message").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Investigate", await page.Locator("#hazard-steps").TextContentAsync(), StringComparison.Ordinal);
        await Journey.CheckPageAsync(page);

        // The date and time start at now; the rest is empty: the errors, then the investigation.
        await Journey.CheckErrorStateAsync(page, "Record the investigation");
        await page.FillAsync("#Investigation_InvestigatedBy", "Sam Surveyor");
        await page.CheckAsync("#Investigation_Outcome");
        await page.SelectOptionAsync("#Investigation_Kind", "DampAndMould");
        await page.FillAsync("#Investigation_Findings", "Black mould from condensation; extractor fan broken.");
        await Journey.ClickButtonAsync(page, "Record the investigation");

        Assert.Equal("Investigation recorded.", (await page.Locator("#hazard-message").TextContentAsync())?.Trim());
        Assert.Contains("Written summary to the tenant", await page.Locator("#hazard-steps").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("extractor fan broken", await page.Locator("#summary-preview").TextContentAsync(), StringComparison.Ordinal);
        await Journey.CheckPageAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task<string> OrdinaryOpenRepairAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Reference FROM Repairs WHERE Status = 'Reported' AND IsHazard = 0 ORDER BY Id LIMIT 1";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
