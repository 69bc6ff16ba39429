using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Tests.Accounts;

public sealed class StaffAccountTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/officers")]
    [InlineData("/admin/officers/invite")]
    public async Task A_tenant_gets_the_friendly_403_page_in_the_admin_area(string url)
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You cannot see this page", document.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_from_the_admin_area()
    {
        var response = await app.Factory.CreateBrowserClient().GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_sees_the_dashboard_but_not_the_officers_page()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);

        var dashboard = await client.GetDocumentAsync("/admin");
        var officers = await client.GetAsync(new Uri("/admin/officers", UriKind.Relative));

        Assert.Equal("Dashboard", dashboard.QuerySelector("h1").Text());
        // The operations dashboard (issue 7) links to the staff pages; the officers page only for administrators.
        var links = dashboard.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Subset(links.ToHashSet(), new HashSet<string?> { "/admin/repairs", "/admin/tenancies", "/admin/payments" });
        Assert.DoesNotContain("/admin/officers", links);
        Assert.Equal(HttpStatusCode.Forbidden, officers.StatusCode);
    }

    [Fact]
    public async Task An_administrator_sees_every_staff_account_with_its_status()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(client);

        var document = await client.GetDocumentAsync("/admin/officers");

        var rows = document.QuerySelectorAll("tbody tr").Select(r => r.NormalisedText()).ToList();
        Assert.Contains(rows, r => r.Contains("demo.officer@example.org", StringComparison.Ordinal) && r.Contains("Active", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("demo.admin@example.org", StringComparison.Ordinal) && r.Contains("Administrator", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("demo.tenant@example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invited_officer_sets_a_password_and_an_authenticator_then_signs_in_with_a_code()
    {
        using var factory = new PortalAppFactory();
        var admin = factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(admin);
        const string email = "new.officer@example.org";
        const string password = "officer chosen passphrase";

        // The administrator invites them.
        var invite = await admin.SubmitFormAsync("/admin/officers/invite", new Dictionary<string, string> { ["Name"] = "Nia Officer", ["Email"] = email, ["Role"] = "Officer" });
        Assert.Equal("/admin/officers/invite/sent", invite.Headers.Location?.OriginalString);
        var list = await admin.GetDocumentAsync("/admin/officers");
        Assert.Contains(list.QuerySelectorAll("tbody tr").Select(r => r.NormalisedText()), r => r.Contains(email, StringComparison.Ordinal) && r.Contains("Invited", StringComparison.Ordinal));

        // They follow the emailed link and choose a password.
        var officer = factory.CreateBrowserClient();
        var link = Mailbox.Link(await Mailbox.WaitForEmailAsync(factory.EmailFolder, email, "invited"), "/account/invitation");
        var accepted = await officer.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["NewPassword"] = password, ["ConfirmPassword"] = password });
        Assert.Equal("/account/two-factor/set-up", accepted.Headers.Location?.OriginalString);

        // Nothing else until two-factor is set up.
        var elsewhere = await officer.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal("/account/two-factor/set-up", elsewhere.Headers.Location?.OriginalString);

        // They scan the QR code (or type the key) and prove it with a code; recovery codes are shown once.
        var setUp = await officer.GetDocumentAsync("/account/two-factor/set-up");
        Assert.StartsWith("data:image/png;base64,", setUp.QuerySelector("img.qr-code")?.GetAttribute("src"), StringComparison.Ordinal);
        var key = setUp.QuerySelector("#authenticator-key").Text().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var codes = await (await officer.SubmitFormAsync(setUp, new Dictionary<string, string> { ["Form.Code"] = Totp.Code(key) })).GetDocumentAsync();
        Assert.Equal(10, codes.QuerySelectorAll(".recovery-codes li").Length);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        // The invitation link is spent.
        Assert.Equal("This invitation has expired or has already been used", (await factory.CreateBrowserClient().GetDocumentAsync(link.PathAndQuery)).QuerySelector("h1").Text());

        // Next time: password, then a code from the app.
        var fresh = factory.CreateBrowserClient();
        var step1 = await AccountJourneys.SignInAsync(fresh, email, password);
        Assert.StartsWith("/account/sign-in/code", step1.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var step2 = await fresh.SubmitFormAsync(step1.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.Code(key, TimeProvider.System.GetUtcNow().AddSeconds(30)) }); // the app's next code: the set-up one is spent
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        Assert.Equal("Dashboard", (await fresh.GetDocumentAsync("/admin")).QuerySelector("h1").Text());

        using var scope = factory.Services.CreateScope();
        var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(await portal.AuditLog.AnyAsync(a => a.Action == "staff-account.invited" && a.RecordType == "StaffAccount"));
    }

    [Fact]
    public async Task Disabling_an_officer_is_audited_and_stops_them_signing_in()
    {
        using var factory = new PortalAppFactory();
        var admin = factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(admin);
        var list = await admin.GetDocumentAsync("/admin/officers");
        var disableForm = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("demo.officer@example.org", StringComparison.Ordinal))
            .QuerySelector("form[action$='/disable']")!;

        var response = await admin.SubmitFormAsync(list, new Dictionary<string, string>(), $"form[action='{disableForm.GetAttribute("action")}']");

        Assert.Equal("/admin/officers", response.Headers.Location?.OriginalString);
        var signIn = await AccountJourneys.SignInAsync(factory.CreateBrowserClient(), "demo.officer@example.org", Web.Infrastructure.Database.DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using var scope = factory.Services.CreateScope();
        var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var entry = await portal.AuditLog.SingleAsync(a => a.Action == "staff-account.disabled");
        Assert.Contains("\"IsDisabled\":true", entry.After, StringComparison.Ordinal);

        // And back: enabling is audited too.
        var again = await admin.GetDocumentAsync("/admin/officers");
        var enableForm = again.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("demo.officer@example.org", StringComparison.Ordinal))
            .QuerySelector("form[action$='/enable']")!;
        await admin.SubmitFormAsync(again, new Dictionary<string, string>(), $"form[action='{enableForm.GetAttribute("action")}']");
        var enabled = await portal.AuditLog.AsNoTracking().SingleAsync(a => a.Action == "staff-account.enabled");
        Assert.Contains("\"IsDisabled\":false", enabled.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_administrator_resets_their_two_factor_an_officer_must_set_it_up_again()
    {
        using var factory = new PortalAppFactory();
        var admin = factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(admin);
        var list = await admin.GetDocumentAsync("/admin/officers");
        var form = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("demo.officer@example.org", StringComparison.Ordinal))
            .QuerySelector("form[action$='/reset-two-factor']")!;

        await admin.SubmitFormAsync(list, new Dictionary<string, string>(), $"form[action='{form.GetAttribute("action")}']");
        var officer = factory.CreateBrowserClient();
        var signIn = await AccountJourneys.SignInAsync(officer, "demo.officer@example.org", Web.Infrastructure.Database.DemoSeeder.Password);
        var admin403 = await officer.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/account/two-factor/set-up", admin403.Headers.Location?.OriginalString);
        using var scope = factory.Services.CreateScope();
        var entry = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditLog.SingleAsync(a => a.Action == "staff-account.two-factor-reset");
        Assert.Contains("\"TwoFactorEnabled\":false", entry.After, StringComparison.Ordinal);
    }
}
