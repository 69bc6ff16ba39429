using Microsoft.Playwright;
using TenantPortal.Web.Features.Complaints;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Journeys;

public sealed partial class JourneyBrowserTests
{
    /// <summary>The Complaint Handling Code end to end: a tenant (phone) complains about a repair, an officer (desktop)
    /// acknowledges and responds, the tenant escalates, the officer responds at stage 2; the tenant sees each step and
    /// the Housing Ombudsman's details.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tenant_complains_about_a_repair_the_officer_answers_both_stages_and_the_tenant_sees_each_step(bool javaScript)
    {
        var app = await apps.ForAsync(javaScript);
        var tenant = await Journey.OpenAsync(browser, app, javaScript);
        await Journey.SignInAsTenantAsync(tenant);

        await tenant.GotoAsync("/repairs");
        await tenant.Locator(".repair-list .card").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Journey.ClickLinkAsync(tenant, "Make a complaint about this repair");
        Assert.Equal("What is your complaint about?", await Journey.HeadingAsync(tenant));
        await Journey.CheckPageAsync(tenant);
        Assert.True(await tenant.IsCheckedAsync("#Form_Topic"));
        await Journey.ClickButtonAsync(tenant, "Continue");
        await Journey.CheckPageAsync(tenant);
        await Journey.CheckErrorStateAsync(tenant, "Continue");
        await tenant.FillAsync("#Description", "Nobody came to the appointment and nobody called.");
        await Journey.ClickButtonAsync(tenant, "Continue");
        Assert.Equal("Check your complaint", await Journey.HeadingAsync(tenant));
        await Journey.CheckPageAsync(tenant);
        await Journey.ClickButtonAsync(tenant, "Send the complaint");
        await Journey.WaitForUrlAsync(tenant, url => url.Contains("/complaints/CMP-", StringComparison.Ordinal));
        var reference = tenant.Url[(tenant.Url.LastIndexOf('/') + 1)..];
        Assert.Equal("We have your complaint", (await tenant.Locator("#complaint-status").TextContentAsync())?.Trim());
        await Journey.CheckPageAsync(tenant);

        var officer = await Journey.OpenAsync(browser, app, javaScript, Journey.DesktopWidth, Journey.DesktopHeight);
        await Journey.SignInAsync(officer, DemoSeeder.OfficerEmail, DemoSeeder.OfficerAuthenticatorKey, check: false);
        await officer.GotoAsync("/admin/complaints");
        await Journey.CheckPageAsync(officer);
        await Journey.ClickLinkAsync(officer, reference);
        await Journey.CheckPageAsync(officer);
        await officer.FillAsync("#AcknowledgeForm_Note", "You were not told your appointment was cancelled.");
        await Journey.ClickButtonAsync(officer, "Acknowledge");
        await Journey.CheckPageAsync(officer);
        await Journey.CheckErrorStateAsync(officer, "Send the response");
        await officer.FillAsync("#RespondForm_Decision", "We are sorry. We have booked a new appointment and will pay you £20.");
        await Journey.ClickButtonAsync(officer, "Send the response");
        Assert.Contains("Response sent", await officer.Locator("#complaint-message").TextContentAsync(), StringComparison.Ordinal);

        await tenant.ReloadAsync();
        Assert.Equal("We have replied", (await tenant.Locator("#complaint-status").TextContentAsync())?.Trim());
        var timeline = await tenant.Locator("#complaint-timeline").TextContentAsync();
        Assert.Contains("We have booked a new appointment", timeline, StringComparison.Ordinal);
        Assert.Contains(HousingOmbudsman.Phone, timeline, StringComparison.Ordinal);
        await Journey.CheckPageAsync(tenant);
        await Journey.ClickLinkAsync(tenant, "Ask us to look again");
        await Journey.CheckPageAsync(tenant);
        await Journey.CheckErrorStateAsync(tenant, "Ask us to look again");
        await tenant.FillAsync("#Reason", "The new appointment is three weeks away.");
        await Journey.ClickButtonAsync(tenant, "Ask us to look again");
        await Journey.WaitForUrlAsync(tenant, url => url.EndsWith($"/complaints/{reference}", StringComparison.Ordinal));
        Assert.Equal("You asked us to look again", (await tenant.Locator("#complaint-status").TextContentAsync())?.Trim());

        await officer.ReloadAsync();
        await Journey.ClickButtonAsync(officer, "Acknowledge");
        await officer.FillAsync("#RespondForm_Decision", "A senior manager has moved your appointment to this week.");
        await Journey.ClickButtonAsync(officer, "Send the response");
        Assert.Contains("Response sent", await officer.Locator("#complaint-message").TextContentAsync(), StringComparison.Ordinal);

        await tenant.ReloadAsync();
        Assert.Equal("We have sent our final reply", (await tenant.Locator("#complaint-status").TextContentAsync())?.Trim());
        Assert.Contains("moved your appointment to this week", await tenant.Locator("#complaint-timeline").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(HousingOmbudsman.Phone, await tenant.Locator("#ombudsman").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await tenant.GetByRole(AriaRole.Link, new() { Name = "Ask us to look again" }).CountAsync());
        await Journey.CheckPageAsync(tenant);
        await officer.Context.CloseAsync();
        await tenant.Context.CloseAsync();
    }
}
