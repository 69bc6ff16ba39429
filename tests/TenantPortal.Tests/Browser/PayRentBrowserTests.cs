using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Rent;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PayRentBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Demo_tenant_pays_ten_pounds_with_the_test_gateway_on_a_phone_and_sees_the_receipt_and_the_statement_line()
    {
        // Its own app and database (the payment changes the demo tenant's balance), with the demo tenant's known account.
        var folder = Directory.CreateTempSubdirectory("tenantportal-pay-").FullName;
        var database = Path.Combine(folder, "pay.db");
        using (var factory = new PortalAppFactory())
        {
            await RentAccountBuilder.Account().WithBalance(150m).ForUserAsync(factory, DemoSeeder.TenantEmail);
            SqliteConnection.ClearAllPools();
            File.Copy(factory.DatabasePath, database);
        }

        await using var app = await AppServer.StartAsync(databasePath: database);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 667 },
            BaseURL = app.BaseUrl,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            // The app runs on plain http on loopback; the portal's cookies and antiforgery need https, so the browser
            // says it came through a TLS-terminating proxy (trusted from loopback only).
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();

        var signInResponse = await page.GotoAsync("/account/sign-in");
        Assert.True(signInResponse?.Ok == true, $"{signInResponse?.Status}: {await page.ContentAsync()}\n{app.Output}");
        await page.GetByLabel("Email address").FillAsync(DemoSeeder.TenantEmail);
        await page.GetByLabel("Password").FillAsync(DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        await page.GotoAsync("/rent");
        Assert.Equal("You owe £150.00", (await page.Locator("#balance").TextContentAsync())?.Trim());
        await page.GetByRole(AriaRole.Link, new() { Name = "Pay rent" }).ClickAsync();
        await page.GetByLabel("How much do you want to pay?").FillAsync("10.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal("£10.00", (await page.Locator("#amount").TextContentAsync())?.Trim());
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay £10.00" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Payment succeeds" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/rent/pay/complete", StringComparison.Ordinal));
        Assert.Equal("Payment received", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Equal("£10.00", (await page.Locator("#paid-amount").TextContentAsync())?.Trim());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "The receipt scrolls sideways on a phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "See your rent statement" }).ClickAsync();
        var firstRow = page.Locator("table.statement tbody tr").First;
        Assert.Equal("Payment online, thank you", (await firstRow.Locator("td").Nth(1).TextContentAsync())?.Trim());
        Assert.Equal("£10.00", (await firstRow.Locator("td").Nth(3).TextContentAsync())?.Trim());
        Assert.Equal("£140.00", (await firstRow.Locator("td").Nth(4).TextContentAsync())?.Trim());
        await context.CloseAsync();

        // The receipt email was sent (Development: a file in the pickup folder).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && (!Directory.Exists(app.EmailFolder) || Directory.GetFiles(app.EmailFolder).Length == 0))
        {
            await Task.Delay(200);
        }

        var email = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(app.EmailFolder)));
        Assert.Contains("We have received your rent payment of", email, StringComparison.Ordinal);
        try
        {
            File.Delete(database);
        }
        catch (IOException)
        {
        }
    }
}
