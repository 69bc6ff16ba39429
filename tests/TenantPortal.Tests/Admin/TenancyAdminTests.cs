using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Admin;

/// <summary>Finding a tenancy and helping its tenants with their online accounts.</summary>
public sealed class TenancyAdminTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private async Task<HttpClient> OfficerAsync()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        return client;
    }

    [Theory]
    [InlineData("Okafor", DemoData.SecondTenancyReference)]
    [InlineData("grace okafor", DemoData.SecondTenancyReference)]
    [InlineData("demo-0001", DemoData.TenancyReference)]
    [InlineData("KM14AB", DemoData.TenancyReference)]
    [InlineData("14 Heather Close", DemoData.TenancyReference)]
    public async Task Search_finds_a_tenancy_by_name_reference_postcode_or_address(string term, string expected)
    {
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/admin/tenancies?q={Uri.EscapeDataString(term)}");

        Assert.Contains(expected, page.QuerySelectorAll("#tenancies tbody tr").Select(r => r.GetAttribute("data-reference")));
    }

    [Fact]
    public async Task Search_without_a_term_pages_through_all_tenancies()
    {
        var client = await OfficerAsync();
        var total = await app.Factory.HousingAsync(db => db.Tenancies.CountAsync());

        var first = await client.GetDocumentAsync("/admin/tenancies");
        var second = await client.GetDocumentAsync("/admin/tenancies?page=2");

        Assert.Equal(25, first.QuerySelectorAll("#tenancies tbody tr").Length);
        Assert.StartsWith($"{total:N0} tenancies, page 1", first.QuerySelector("#result-count").Text(), StringComparison.Ordinal);
        Assert.Empty(first.QuerySelectorAll("#tenancies tbody tr").Select(r => r.GetAttribute("data-reference"))
            .Intersect(second.QuerySelectorAll("#tenancies tbody tr").Select(r => r.GetAttribute("data-reference"))));
    }

    [Fact]
    public async Task Tenancy_page_shows_the_household_accounts_rent_and_repairs()
    {
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/admin/tenancies/{DemoData.TenancyReference}");
        var cards = page.QuerySelectorAll(".tenant-card");
        var statement = await client.GetDocumentAsync($"/admin/tenancies/{DemoData.TenancyReference}/statement");

        Assert.Equal(2, cards.Length);
        Assert.Contains(DemoData.LeadTenantFullName, cards[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Email confirmed", cards[0].QuerySelector(".account-status").Text(), StringComparison.Ordinal);
        // Sam Morgan has no account in the demo data (another test in this class may register one).
        var samRegistered = await app.Factory.PortalAsync(db => db.Users.AnyAsync(u => u.Email == DemoData.JointTenantEmail));
        Assert.Contains(samRegistered ? "Registered" : "Not registered", cards[1].QuerySelector(".account-status").Text(), StringComparison.Ordinal);
        Assert.NotNull(cards[0].QuerySelector("a[href$='/contact-details']"));
        Assert.All(cards, c => Assert.NotNull(c.QuerySelector(".tenant-contacts .contact-value")));
        Assert.Contains(DemoData.LeadTenantFullName, cards[0].QuerySelector(".tenant-contacts h2").Text(), StringComparison.Ordinal);
        Assert.NotNull(cards[0].QuerySelector(".tenant-contacts a[href$='/contact-details/edit']"));
        Assert.StartsWith("In arrears: owes £", page.QuerySelector("#balance").Text(), StringComparison.Ordinal);
        Assert.Equal(10, page.QuerySelectorAll(".transactions tbody tr").Length);
        var repairs = await app.Factory.HousingAsync(db => db.Repairs.CountAsync(r => r.Tenancy!.Reference == DemoData.TenancyReference));
        Assert.True(repairs >= 3);
        Assert.Equal(repairs, page.QuerySelectorAll("#tenancy-repairs tbody tr").Length);
        Assert.Equal(50, statement.QuerySelectorAll(".transactions tbody tr").Length);
        Assert.NotNull(statement.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Unlocking_a_locked_out_tenant_resets_the_lockout_and_is_audited()
    {
        var userId = await WithUserAsync(DemoSeeder.TenantEmail, async (users, user) =>
        {
            // Identity's lockout runs on the real clock (UserManager has no TimeProvider), so the lock is set on it.
            await users.SetLockoutEndDateAsync(user, TimeProvider.System.GetUtcNow().AddMinutes(15));
            await users.AccessFailedAsync(user);
        });
        var client = await OfficerAsync();
        var tenantId = await app.Factory.PortalAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TenantId!.Value).SingleAsync());
        var page = await client.GetDocumentAsync($"/admin/tenancies/{DemoData.TenancyReference}");
        Assert.Contains("Locked out", page.QuerySelector($"[data-tenant-id='{tenantId}'] .account-status").Text(), StringComparison.Ordinal);

        var response = await client.SubmitFormAsync(page, new Dictionary<string, string>(), $"form[action$='/tenants/{tenantId}/unlock']");

        Assert.Equal($"/admin/tenancies/{DemoData.TenancyReference}", response.Headers.Location?.OriginalString);
        var user = await app.Factory.PortalAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
        var audit = Assert.Single(await app.Factory.AuditAsync("PortalUser", userId));
        Assert.Equal(("portal-account.unlocked", "Dana Officer"), (audit.Action, audit.ActorName));
        await SignIn.AsTenantAsync(app.Factory.CreateBrowserClient());
    }

    [Fact]
    public async Task Resending_confirmation_emails_a_new_link_and_is_audited()
    {
        var samId = await app.Factory.HousingAsync(db => db.Tenants.Where(t => t.Email == DemoData.JointTenantEmail).Select(t => t.Id).SingleAsync());
        string userId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var sam = new PortalUser { UserName = DemoData.JointTenantEmail, Email = DemoData.JointTenantEmail, DisplayName = DemoData.JointTenantFullName, TenantId = samId, CreatedAt = app.Factory.UtcNow };
            Assert.True((await users.CreateAsync(sam, "A-long-enough-password")).Succeeded);
            userId = sam.Id;
        }

        var client = await OfficerAsync();
        var page = await client.GetDocumentAsync($"/admin/tenancies/{DemoData.TenancyReference}");
        Assert.Contains("Email not confirmed", page.QuerySelector($"[data-tenant-id='{samId}'] .account-status").Text(), StringComparison.Ordinal);

        await client.SubmitFormAsync(page, new Dictionary<string, string>(), $"form[action$='/tenants/{samId}/resend-confirmation']");

        var email = Assert.Single(await app.Factory.PortalAsync(db => db.EmailOutbox.AsNoTracking().Where(m => m.To == DemoData.JointTenantEmail).ToListAsync()));
        Assert.Contains($"/account/confirm-email?userId={userId}&code=", email.Body, StringComparison.Ordinal);
        Assert.Equal("portal-account.confirmation-resent", Assert.Single(await app.Factory.AuditAsync("PortalUser", userId)).Action);
    }

    private async Task<string> WithUserAsync(string email, Func<UserManager<PortalUser>, PortalUser, Task> change)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await change(users, user);
        return user.Id;
    }
}

/// <summary>The audit log, for administrators: filtered by officer, record and date, newest first.</summary>
public sealed class AuditLogTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    [Fact]
    public async Task Administrator_filters_the_audit_log_by_record_and_officer()
    {
        var reference = await app.Factory.NewRepairAsync();
        var officer = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);
        var repairPage = await officer.GetDocumentAsync($"/admin/repairs/{reference}");
        await officer.SubmitFormAsync(repairPage, new Dictionary<string, string> { ["StatusForm.Status"] = "Booked", ["StatusForm.NoteVisibility"] = "internal" }, $"form[action$='/status']");
        repairPage = await officer.GetDocumentAsync($"/admin/repairs/{reference}");
        await officer.SubmitFormAsync(repairPage, new Dictionary<string, string> { ["CompleteForm.CompletionNotes"] = "Fixed", ["CompleteForm.NoteVisibility"] = "tenant" }, $"form[action$='/complete']");
        var officerId = await app.Factory.PortalAsync(db => db.Users.Where(u => u.Email == DemoSeeder.OfficerEmail).Select(u => u.Id).SingleAsync());
        var admin = app.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(admin);

        var byRecord = await admin.GetDocumentAsync($"/admin/audit?recordType=Repair&recordId={reference}");
        var byOfficer = await admin.GetDocumentAsync($"/admin/audit?actor={officerId}");
        var tomorrow = app.Factory.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var future = await admin.GetDocumentAsync($"/admin/audit?from={tomorrow}");

        var rows = byRecord.QuerySelectorAll("#audit > tbody > tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal($"Dana Officer marked as completed repair {reference}.", Sentence(rows[0]));
        Assert.Equal($"Dana Officer changed the status of repair {reference}.", Sentence(rows[1]));
        Assert.True(byOfficer.QuerySelectorAll("#audit > tbody > tr").Length >= 2);
        Assert.All(byOfficer.QuerySelectorAll("#audit > tbody > tr"), r => Assert.StartsWith("Dana Officer ", Sentence(r), StringComparison.Ordinal));
        Assert.Empty(future.QuerySelectorAll("#audit > tbody > tr"));
    }

    private static string Sentence(AngleSharp.Dom.IElement row) =>
        System.Text.RegularExpressions.Regex.Replace(row.QuerySelector(".audit-sentence")!.TextContent, @"\s+", " ").Trim();

    [Fact]
    public async Task Each_entry_says_who_did_what_to_which_record_in_words_with_a_link_and_a_table_of_before_and_after()
    {
        var reference = await app.Factory.NewRepairAsync();
        var officer = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);
        var repairPage = await officer.GetDocumentAsync($"/admin/repairs/{reference}");
        await officer.SubmitFormAsync(repairPage, new Dictionary<string, string> { ["StatusForm.Status"] = "InProgress", ["StatusForm.NoteVisibility"] = "internal" }, "form[action$='/status']");
        var admin = app.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(admin);
        await admin.SubmitFormAsync("/admin/officers/invite", new Dictionary<string, string> { ["Name"] = "Rhys Audit", ["Email"] = $"rhys.{Guid.NewGuid():N}@example.org", ["Role"] = "Officer" });

        var log = await admin.GetDocumentAsync("/admin/audit");

        var entries = log.QuerySelectorAll("#audit > tbody > tr");
        var status = entries.Single(r => Sentence(r) == $"Dana Officer changed the status of repair {reference}.");
        Assert.Equal($"/admin/repairs/{reference}".ToLowerInvariant(), status.QuerySelector(".audit-sentence a")!.GetAttribute("href")!.ToLowerInvariant());
        var statusRow = status.QuerySelectorAll(".audit-changes tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Status");
        Assert.Equal(["Reported", "In progress"], statusRow.QuerySelectorAll("td").Select(c => c.TextContent));
        var invited = entries.Single(r => Sentence(r) == "Chris Admin invited Rhys Audit.");
        Assert.NotNull(invited.QuerySelector(".audit-sentence a[href='/admin/officers']"));
        Assert.Contains(invited.QuerySelectorAll(".audit-changes tbody tr"), r => r.TextContent.Contains("Display name", StringComparison.Ordinal) && r.TextContent.Contains("Rhys Audit", StringComparison.Ordinal));

        var text = log.QuerySelector("#audit")!.TextContent;
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)+\b", text);
        Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-", text);
        Assert.All(entries, r => Assert.NotNull(r.QuerySelector(".audit-sentence a[href]")));
    }
}
