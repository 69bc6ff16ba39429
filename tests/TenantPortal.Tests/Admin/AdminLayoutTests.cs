using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Tests.Admin;

/// <summary>The admin pages' frame: every section in the top menu by role, one width for header, menu and page; and
/// the repair page's contact details as officers need them.</summary>
public sealed class AdminLayoutTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private static List<string> Menu(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".site-nav a").Select(a => $"{a.TextContent.Trim()} {a.GetAttribute("href")}").ToList();

    [Fact]
    public async Task Officers_see_every_officer_section_in_the_menu_and_administrators_also_officers_and_the_audit_log()
    {
        var officer = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);
        var admin = app.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(admin);

        var officerMenu = Menu(await officer.GetDocumentAsync("/admin/repairs"));
        var adminMenu = Menu(await admin.GetDocumentAsync("/admin/repairs"));

        Assert.Equal(["Dashboard /admin", "Repairs /admin/repairs", "Complaints /admin/complaints", "Tenancies /admin/tenancies", "Payments /admin/payments", "Letters /admin/letters"], officerMenu);
        Assert.Equal([.. officerMenu, "Officers /admin/officers", "Audit log /admin/audit"], adminMenu);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/repairs")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/officers")]
    [InlineData("/admin/tenancies")]
    public async Task Every_admin_page_has_one_width_for_the_header_the_menu_and_the_page(string url)
    {
        var admin = app.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(admin);

        var page = await admin.GetDocumentAsync(url);
        var css = await admin.GetStringAsync("/css/site.css");

        Assert.Contains("staff", page.Body!.ClassList);
        Assert.NotNull(page.QuerySelector(".site-header .container"));
        Assert.NotNull(page.QuerySelector(".site-nav .container"));
        Assert.NotNull(page.QuerySelector("main.container"));
        Assert.Contains(".staff .container { max-width: 82rem; }", css, StringComparison.Ordinal);
        Assert.DoesNotContain(":has(.admin-wide)", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_repair_page_shows_phones_in_national_format_and_the_households_support_needs_by_the_contact_details()
    {
        var reference = await app.Factory.NewRepairAsync();
        await app.Factory.HousingAsync(async db =>
        {
            var tenancyId = await db.Repairs.Where(r => r.Reference == reference).Select(r => r.TenancyId).SingleAsync();
            await db.Repairs.Where(r => r.Reference == reference).ExecuteUpdateAsync(s => s.SetProperty(r => r.ContactPhone, "+447700900654"));
            return await db.Tenants.Where(t => t.TenancyId == tenancyId && t.Role == TenantRole.LeadTenant).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.MobilePhone, "+447700900321")
                .SetProperty(t => t.HomePhone, "+442079460123")
                .SetProperty(t => t.InterpreterLanguage, "Polish")
                .SetProperty(t => t.HearingOrSightNeeds, "Uses a hearing loop")
                .SetProperty(t => t.NeedsLargePrint, true));
        });
        var officer = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);

        var page = await officer.GetDocumentAsync($"/admin/repairs/{reference}");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Mobile: 07700 900321", text, StringComparison.Ordinal);
        Assert.Contains("Home phone: 020 7946 0123", text, StringComparison.Ordinal);
        Assert.Contains("Contact phone: 07700 900654", text, StringComparison.Ordinal);
        Assert.DoesNotContain("+44", text, StringComparison.Ordinal);
        Assert.Equal("Polish interpreter; Hearing or sight: Uses a hearing loop; Letters in large print", page.QuerySelector(".support-needs")!.TextContent);
    }
}
