using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AdminRepairsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_books_and_completes_the_demo_tenants_open_repair_and_the_tenant_sees_the_status_and_note()
    {
        // Its own app and database: this changes the demo tenant's repair.
        await using var app = await AppServer.StartAsync();
        var reference = await DemoOpenRepairAsync(app.DatabasePath);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BaseURL = app.BaseUrl,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoSeeder.OfficerEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("input[name=Code]").FillAsync(Totp.Code(DemoSeeder.OfficerAuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Journeys.Journey.WaitForUrlAsync(page, url => url.EndsWith("/admin", StringComparison.Ordinal));

        await page.GotoAsync("/admin/repairs");
        await page.GetByLabel("Search").FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var row = page.Locator($"#queue tr[data-reference='{reference}']");
        Assert.Contains(DemoData.LeadTenantFullName, await row.TextContentAsync(), StringComparison.Ordinal);
        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();

        await page.GetByLabel("Time").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Book the appointment" }).ClickAsync();
        // Alex prefers email, Sam (joint tenant) texts: each is told their own way.
        Assert.Equal("Appointment booked. The tenants are told by email and text message.", (await page.Locator("#repair-message").TextContentAsync())?.Trim());
        Assert.Contains("Booked", await page.Locator("#appointments").TextContentAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Completion notes").FillAsync("Replaced the tap washer; no more drips");
        await page.Locator("#CompleteForm_NoteVisibility").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as completed" }).ClickAsync();

        Assert.Equal("Repair marked as completed.", (await page.Locator("#repair-message").TextContentAsync())?.Trim());
        Assert.Equal("Completed", (await page.Locator("#repair-status").TextContentAsync())?.Trim());
        Assert.Contains("Replaced the tap washer", await page.Locator("#history").TextContentAsync(), StringComparison.Ordinal);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 1280, $"The repair page is {scrollWidth}px wide at 1280px");
        await context.CloseAsync();

        var tenant = await browser.Browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 667 },
            BaseURL = app.BaseUrl,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        await tenant.GotoAsync("/account/sign-in");
        await tenant.GetByLabel("Email address").FillAsync(DemoSeeder.TenantEmail);
        await tenant.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoSeeder.Password);
        await tenant.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Journeys.Journey.WaitForUrlAsync(tenant, url => url == app.BaseUrl + "/");
        await tenant.GotoAsync($"/repairs/{reference}");
        Assert.Equal("Finished", (await tenant.Locator("h1 + p .tag").TextContentAsync())?.Trim());
        Assert.Contains("Replaced the tap washer; no more drips", await tenant.Locator("ol.timeline").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Appointment booked", await tenant.Locator("ol.timeline").TextContentAsync(), StringComparison.Ordinal);
        await tenant.Context.CloseAsync();
    }

    private static async Task<string> DemoOpenRepairAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT r.Reference FROM Repairs r JOIN Tenancies t ON t.Id = r.TenancyId WHERE t.Reference = $ref AND r.Status = 'Reported' ORDER BY r.Id LIMIT 1";
        command.Parameters.AddWithValue("$ref", DemoData.TenancyReference);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
