using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using TenantPortal.Tests.Accounts;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Journeys;

public sealed partial class JourneyBrowserTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Officer_finds_a_tenancy_reports_a_repair_for_it_changes_its_status_and_helps_with_the_tenants_account(bool javaScript)
    {
        var app = await apps.ForAsync(javaScript);
        var page = await Journey.OpenAsync(browser, app, javaScript, Journey.DesktopWidth, Journey.DesktopHeight);
        await Journey.SignInAsync(page, DemoSeeder.OfficerEmail, DemoSeeder.OfficerAuthenticatorKey, check: true);
        await Journey.CheckPageAsync(page);

        // Find the tenancy by search.
        await page.GotoAsync("/admin/tenancies");
        await Journey.CheckPageAsync(page);
        await page.FillAsync("#q", DemoData.LeadTenantLastName);
        await Journey.ClickButtonAsync(page, "Search");
        await Journey.CheckPageAsync(page);
        await Journey.ClickLinkAsync(page, DemoData.TenancyReference);
        Assert.Equal($"Tenancy {DemoData.TenancyReference}", await Journey.HeadingAsync(page));
        await Journey.CheckPageAsync(page);

        // Assisted digital: report a repair for this tenancy through the tenant's questions.
        await page.GetByRole(AriaRole.Link, new() { Name = "Report a repair for this tenancy" }).ClickAsync();
        await Journey.CheckPageAsync(page);
        await Journey.CheckErrorStateAsync(page, "It's not an emergency: start");
        await page.CheckAsync("#channel");
        await Journey.ClickButtonAsync(page, "It's not an emergency: start");
        foreach (var label in new[] { "Kitchen", "Cupboard door", "Broken or hanging off" })
        {
            await Journey.CheckPageAsync(page);
            await page.GetByLabel(label, new() { Exact = true }).CheckAsync();
            await Journey.ClickButtonAsync(page, "Continue");
        }

        await Journey.CheckPageAsync(page);
        await page.FillAsync("#Description", "The cupboard door under the sink has come off its hinge.");
        await Journey.ClickButtonAsync(page, "Continue");
        await Journey.CheckPageAsync(page);
        await Journey.ClickButtonAsync(page, "Continue");
        await Journey.CheckPageAsync(page);
        await page.FillAsync("#WhoWillBeHome", "Alex");
        if (string.IsNullOrEmpty(await page.InputValueAsync("#ContactPhone")))
        {
            await page.FillAsync("#ContactPhone", "07700 900123");
        }

        await Journey.ClickButtonAsync(page, "Continue");
        await Journey.CheckPageAsync(page);
        var slots = page.Locator(".radio input[type=radio]:not([value=none])");
        if (await slots.CountAsync() > 0)
        {
            await slots.Nth(Math.Min(3, await slots.CountAsync() - 1)).CheckAsync();
        }

        await Journey.ClickButtonAsync(page, "Continue");
        await Journey.CheckPageAsync(page);
        await Journey.ClickButtonAsync(page, "Report the repair");
        Assert.Equal("Repair reported", (await page.Locator(".panel h1").TextContentAsync())!.Trim());
        var reference = (await page.Locator(".panel strong").TextContentAsync())!.Trim();
        await Journey.CheckPageAsync(page);

        // Change its status with a note the tenant sees (an empty note for the tenant is an error first).
        await Journey.ClickLinkAsync(page, "See this repair");
        Assert.Contains(reference, await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        await Journey.CheckPageAsync(page);
        await page.SelectOptionAsync("#StatusForm_Status", "InProgress");
        await page.CheckAsync("#StatusForm_NoteVisibility");
        await Journey.CheckErrorStateAsync(page, "Change status");
        await page.SelectOptionAsync("#StatusForm_Status", "InProgress");
        await page.FillAsync("#StatusForm_Note", "Joiner ordered a new hinge.");
        await page.CheckAsync("#StatusForm_NoteVisibility");
        await Journey.ClickButtonAsync(page, "Change status");
        Assert.Equal("Status changed to In progress.", (await page.Locator("#repair-message").TextContentAsync())?.Trim());
        Assert.Contains("Joiner ordered a new hinge.", await page.Locator("#history").TextContentAsync(), StringComparison.Ordinal);
        await Journey.CheckPageAsync(page);

        // Unlock the tenant's account after failed sign-ins, and resend their confirmation email.
        await SetDemoTenantAccountAsync(app, "AccessFailedCount = 3, EmailConfirmed = 0");
        try
        {
            await page.GotoAsync($"/admin/tenancies/{DemoData.TenancyReference}");
            await Journey.CheckPageAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = $"Unlock account for {DemoData.LeadTenantFullName}" }).ClickAsync();
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = $"Unlock account for {DemoData.LeadTenantFullName}" }).CountAsync());
            await Journey.CheckPageAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = $"Resend confirmation email to {DemoData.LeadTenantFullName}" }).ClickAsync();
            await Mailbox.WaitForEmailAsync(app.EmailFolder, DemoSeeder.TenantEmail, "Confirm your email address");
        }
        finally
        {
            await SetDemoTenantAccountAsync(app, "AccessFailedCount = 0, EmailConfirmed = 1");
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Administrator_invites_an_officer_who_sets_a_password_and_an_authenticator(bool javaScript)
    {
        var app = await apps.ForAsync(javaScript);
        var email = $"new.officer.{(javaScript ? "js" : "nojs")}@example.org";
        var admin = await Journey.OpenAsync(browser, app, javaScript, Journey.DesktopWidth, Journey.DesktopHeight);
        await Journey.SignInAsync(admin, DemoSeeder.AdministratorEmail, DemoSeeder.AdministratorAuthenticatorKey, check: false);

        await admin.GotoAsync("/admin/officers");
        await Journey.CheckPageAsync(admin);
        await Journey.ClickLinkAsync(admin, "Invite an officer");
        await Journey.CheckPageAsync(admin);
        await Journey.CheckErrorStateAsync(admin, "Send invitation");
        await admin.FillAsync("#Name", "Jo Newstarter");
        await admin.FillAsync("#Email", email);
        await admin.CheckAsync("#Role");
        await Journey.ClickButtonAsync(admin, "Send invitation");
        Assert.Equal("Invitation sent", await Journey.HeadingAsync(admin));
        await Journey.CheckPageAsync(admin);
        await admin.Context.CloseAsync();

        var invitation = await Mailbox.WaitForEmailAsync(app.EmailFolder, email, "");
        var officer = await Journey.OpenAsync(browser, app, javaScript, Journey.DesktopWidth, Journey.DesktopHeight);
        await officer.GotoAsync(Mailbox.Link(invitation, "/account/invitation").PathAndQuery);
        await Journey.CheckPageAsync(officer);
        await Journey.CheckErrorStateAsync(officer, "Continue");
        await officer.FillAsync("#NewPassword", "heron lantern biscuit");
        await officer.FillAsync("#ConfirmPassword", "heron lantern biscuit");
        await Journey.ClickButtonAsync(officer, "Continue");
        Assert.Equal("Set up two-factor authentication", await Journey.HeadingAsync(officer));
        await Journey.CheckPageAsync(officer);
        await Journey.CheckErrorStateAsync(officer, "Continue");
        var key = (await officer.Locator("#authenticator-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).Trim();
        await officer.FillAsync("#Form_Code", Totp.Code(key));
        await Journey.ClickButtonAsync(officer, "Continue");
        Assert.Equal("Two-factor authentication is set up", await Journey.HeadingAsync(officer));
        await Journey.CheckPageAsync(officer);
        await officer.Context.CloseAsync();
    }

    private static async Task SetDemoTenantAccountAsync(AppServer app, string assignments)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE AspNetUsers SET {assignments} WHERE NormalizedEmail = $email";
        command.Parameters.AddWithValue("$email", DemoSeeder.TenantEmail.ToUpperInvariant());
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
