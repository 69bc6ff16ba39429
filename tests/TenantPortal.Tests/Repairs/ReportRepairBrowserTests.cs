using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Repairs;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class ReportRepairBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task DemoTenant_ReportsADrippingKitchenTapWithAPhoto_BooksASlot_AndChangesIt_OnAPhone()
    {
        // Its own app over a copy of the demo database with the housing demo data and the demo account linked.
        var database = await SeededDatabaseCopyAsync();
        var folder = Directory.CreateTempSubdirectory("tenantportal-repairs-browser-").FullName;
        await using var app = await AppServer.StartAsync(new Dictionary<string, string>
        {
            ["Repairs__PhotoFolder"] = Path.Combine(folder, "photos"),
            ["Repairs__DraftFolder"] = Path.Combine(folder, "drafts"),
        }, database);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 667 },
            BaseURL = app.BaseUrl,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var photo = Path.Combine(folder, "tap.jpg");
        await File.WriteAllBytesAsync(photo, TestImages.JpegWithGps());

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoSeeder.TenantEmail);
        await page.GetByLabel("Password").FillAsync(DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Repairs", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Report a repair" }).ClickAsync();
        Assert.Contains("0800 111 999", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "It's not an emergency: start" }).ClickAsync();
        await ChooseAsync(page, "Kitchen");
        await ChooseAsync(page, "Tap");
        await ChooseAsync(page, "Dripping or leaking");
        await page.GetByLabel("Describe the problem").FillAsync("The kitchen tap drips all day and night.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Choose a photo").SetInputFilesAsync(photo);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add photo" }).ClickAsync();
        Assert.Equal(1, await page.Locator(".photo-list img").CountAsync());
        await AssertFitsThePhoneAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.False(string.IsNullOrEmpty(await page.GetByLabel("Phone number").InputValueAsync()), "The phone number is prefilled from the contact record");
        await page.GetByLabel("Who will be at home to let us in?").FillAsync("Me");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var radios = page.Locator(".radio label");
        Assert.True(await radios.CountAsync() > 0, "Slots are offered for a routine job");
        // A slot a few days ahead, so it can still be changed after 6pm today.
        var choice = radios.Nth(Math.Min(4, await radios.CountAsync() - 1));
        var booked = (await choice.TextContentAsync())!.Trim();
        await choice.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal("Check your answers before reporting your repair", (await page.Locator("h1").TextContentAsync())!.Trim());
        await AssertFitsThePhoneAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Report the repair" }).ClickAsync();

        Assert.Equal("Repair reported", (await page.Locator(".panel h1").TextContentAsync())!.Trim());
        var reference = (await page.Locator(".panel strong").TextContentAsync())!.Trim();
        Assert.Matches(ReferencePattern(), reference);
        Assert.Contains(booked, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await AssertFitsThePhoneAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Your repairs" }).ClickAsync();
        var card = page.Locator(".repair-list .card", new() { HasText = reference });
        Assert.Contains("Appointment booked", await card.TextContentAsync(), StringComparison.Ordinal);
        await card.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the appointment" }).ClickAsync();
        await AssertFitsThePhoneAsync(page);
        var newTime = page.Locator(".radio label").First;
        var newLabel = (await newTime.TextContentAsync())!.Trim();
        await newTime.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the appointment" }).ClickAsync();

        Assert.Contains(newLabel, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.NotEqual(booked, newLabel);
        Assert.Contains("Appointment changed", await page.Locator(".timeline").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(app.EmailFolder).Any(), "A confirmation email was written");
        await context.CloseAsync();
    }

    private static async Task ChooseAsync(IPage page, string label)
    {
        await AssertFitsThePhoneAsync(page);
        await page.GetByLabel(label, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var clientWidth = await page.EvaluateAsync<int>("document.documentElement.clientWidth");
        Assert.True(scrollWidth <= clientWidth, $"{page.Url} is {scrollWidth}px wide in a {clientWidth}px viewport");
    }

    private static async Task<string> SeededDatabaseCopyAsync()
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("tenantportal-repairs-db-").FullName, "tenantportal.db");
        using (var app = await RepairsApp.StartAsync())
        {
            await using (var connection = new SqliteConnection(app.Factory.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"VACUUM INTO '{copy}';";
                await command.ExecuteNonQueryAsync();
            }
        }

        SqliteConnection.ClearAllPools();
        return copy;
    }

    [GeneratedRegex(@"^R\d{4}-\d{5}$")]
    private static partial Regex ReferencePattern();
}
