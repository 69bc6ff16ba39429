using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ContactDetailsBrowserTests(BrowserFixture browser)
{
    // Its own app: this changes the demo tenant's contact details, which other browser tests read.
    [Fact]
    public async Task Demo_tenant_changes_mobile_and_preferred_contact_on_a_phone_and_the_officer_sees_the_history()
    {
        await using var app = await AppServer.StartAsync();
        var page = await browser.NewPageAsync(375, 667, baseUrl: app.BaseUrl);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", DemoSeeder.TenantEmail);
        await page.FillAsync("#Password", DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Mobile number: password again first, then the question, check your answer, save.
        await page.GotoAsync("/contact-details");
        await page.Locator("[data-field=MobilePhone] a").ClickAsync();
        await page.FillAsync("#Password", DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.FillAsync("#Value", "+44 7700 900456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal("07700 900456", (await page.Locator("#new-value").TextContentAsync())?.Trim());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        Assert.Equal("07700 900456", (await page.Locator("[data-field=MobilePhone] .contact-value").TextContentAsync())?.Trim());

        await page.Locator("[data-field=PreferredContactMethod] a").ClickAsync();
        await page.GetByLabel("Text message").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        Assert.Equal("Saved. How we contact you: Text message", (await page.Locator("#notice").TextContentAsync())?.Trim());
        Assert.Equal("Text message", (await page.Locator("[data-field=PreferredContactMethod] .contact-value").TextContentAsync())?.Trim());
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"Page is {scrollWidth}px wide");
        await page.Context.CloseAsync();

        var officer = await browser.NewPageAsync(1280, 900, baseUrl: app.BaseUrl);
        await officer.GotoAsync("/account/sign-in");
        await officer.FillAsync("#Email", DemoSeeder.OfficerEmail);
        await officer.FillAsync("#Password", DemoSeeder.Password);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        app.ForgetUsedAuthenticatorCodes();
        await officer.FillAsync("#Code", Totp.Code(DemoSeeder.OfficerAuthenticatorKey));
        await officer.Locator("main button[type=submit]").ClickAsync();
        await Journeys.Journey.WaitForUrlAsync(officer, url => !url.Contains("/sign-in", StringComparison.Ordinal));

        await officer.GotoAsync($"/admin/tenants/{DemoTenantId(app)}/contact-details");
        var history = await officer.Locator("table.contact-history").TextContentAsync() ?? "";
        Assert.Contains("Mobile number", history, StringComparison.Ordinal);
        Assert.Contains("07700 900456", history, StringComparison.Ordinal);
        Assert.Contains("Text message", history, StringComparison.Ordinal);
        Assert.Contains(DemoData.LeadTenantFullName, history, StringComparison.Ordinal);
        await officer.Context.CloseAsync();
    }

    private static long DemoTenantId(AppServer app)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Tenants WHERE Email = $email";
        command.Parameters.AddWithValue("$email", DemoSeeder.TenantEmail);
        return (long)command.ExecuteScalar()!;
    }
}
