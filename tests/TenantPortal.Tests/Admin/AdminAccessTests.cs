using System.Net;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Admin;

/// <summary>Who can open the admin pages: staff only; the audit log for administrators only.</summary>
public sealed class AdminAccessTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private async Task<string[]> StaffUrlsAsync()
    {
        var repair = await app.Factory.DemoOpenRepairAsync();
        return
        [
            "/admin",
            "/admin/repairs",
            "/admin/repairs?priority=Emergency&sort=priority&q=Morgan",
            $"/admin/repairs/{repair}",
            $"/admin/repairs/{repair}/hazard",
            "/admin/tenancies",
            "/admin/tenancies?q=Morgan",
            $"/admin/tenancies/{DemoData.TenancyReference}",
            $"/admin/tenancies/{DemoData.TenancyReference}/statement",
        ];
    }

    private static bool IsForbidden(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal));

    [Fact]
    public async Task A_tenant_is_refused_every_admin_page_and_action()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);
        var repair = await app.Factory.DemoOpenRepairAsync();

        foreach (var url in (await StaffUrlsAsync()).Append("/admin/audit"))
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(IsForbidden(response), $"{url}: {(int)response.StatusCode}");
        }

        var token = await client.AntiforgeryTokenAsync("/account/change-password");
        foreach (var url in new[] { $"/admin/repairs/{repair}/status", $"/admin/repairs/{repair}/complete", $"/admin/repairs/{repair}/cancel", $"/admin/repairs/{repair}/priority", $"/admin/repairs/{repair}/hazard/classify", $"/admin/repairs/{repair}/hazard/investigation", $"/admin/tenancies/{DemoData.TenancyReference}/tenants/1/unlock", $"/admin/tenancies/{DemoData.TenancyReference}/tenants/1/resend-confirmation" })
        {
            var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("CompleteForm.CompletionNotes", "x")]));
            Assert.True(IsForbidden(response), $"POST {url}: {(int)response.StatusCode}");
        }

        Assert.Equal("Reported", (await app.Factory.RepairAsync(repair)).Status.ToString());
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.GetAsync(new Uri("/admin/repairs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_opens_every_staff_page_but_not_the_audit_log()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);

        foreach (var url in await StaffUrlsAsync())
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }

        Assert.True(IsForbidden(await client.GetAsync(new Uri("/admin/audit", UriKind.Relative))));
    }

    [Fact]
    public async Task An_administrator_opens_the_audit_log_and_the_staff_pages()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(client);

        var audit = await client.GetAsync(new Uri("/admin/audit", UriKind.Relative));
        var dashboard = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Unknown_repair_or_tenancy_is_a_404()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/admin/repairs/NOPE-1", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/admin/tenancies/NOPE-1", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Dashboard_shows_the_regulator_s_measures_by_code_for_two_reporting_years_and_a_month_and_the_queue_finds_the_demo_repair_by_reference()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        var repair = await app.Factory.DemoOpenRepairAsync();

        var dashboard = await client.GetDocumentAsync("/admin");
        var queue = await client.GetDocumentAsync($"/admin/repairs?q={repair}");

        Assert.Equal(["RP02(1)", "RP02(2)", "CH01(1)", "CH01(2)", "CH02(1)", "CH02(2)", "Portal: repair satisfaction", "Portal: time satisfaction", "Portal: recalls"],
            dashboard.QuerySelectorAll("#measures tbody tr").Select(r => r.GetAttribute("data-code")));
        Assert.Equal(["This reporting year (2026/27)", "Last reporting year (2025/26)", "November 2026"],
            dashboard.QuerySelectorAll("#measures thead th.num").Select(th => th.ChildNodes[0].TextContent.Trim()));
        Assert.Contains("not TP02", dashboard.NormalisedText(), StringComparison.Ordinal);
        Assert.StartsWith($"Counted at {TestClock.Start:d MMM yyyy} ", dashboard.QuerySelector("#measures-counted")!.TextContent, StringComparison.Ordinal);
        var csv = await client.GetAsync(new Uri("/admin/measures.csv?year=2025", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("2025/26,RP02(1),", (await csv.Content.ReadAsStringAsync()).Split('\n')[1], StringComparison.Ordinal);
        var row = Assert.Single(queue.QuerySelectorAll("#queue tbody tr"));
        Assert.Equal(repair, row.GetAttribute("data-reference"));
        Assert.Contains(DemoData.LeadTenantFullName, row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_shows_any_month_asked_for_and_refuses_a_month_that_is_not_one()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);

        var june = await client.GetDocumentAsync("/admin?month=2026-06");
        var bad = await client.GetDocumentAsync("/admin?month=June");

        Assert.Equal("June 2026", june.QuerySelectorAll("#measures thead th.num")[2].ChildNodes[0].TextContent.Trim());
        Assert.Equal(["Enter a month like 2026-06"], bad.ErrorSummary());
    }
}
