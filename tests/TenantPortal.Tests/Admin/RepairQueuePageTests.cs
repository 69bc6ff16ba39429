using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Admin.Repairs;

namespace TenantPortal.Tests.Admin;

/// <summary>The queue page in the seeded app: filters kept for the session and by the repair page's back link, the
/// officer's own patch, the CSV export, references on one line.</summary>
public sealed class RepairQueuePageTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private async Task<HttpClient> OfficerAsync()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        return client;
    }

    private static List<string> References(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#queue tbody tr").Select(r => r.GetAttribute("data-reference")!).ToList();

    [Fact]
    public async Task The_repair_pages_all_repairs_link_returns_to_the_queue_with_its_filters()
    {
        var client = await OfficerAsync();
        var filtered = await client.GetDocumentAsync("/admin/repairs?status=all&trade=Plumbing&sort=reference");
        var firstRepair = filtered.QuerySelector("#queue tbody tr a")!.GetAttribute("href")!;

        var repairPage = await client.GetDocumentAsync(firstRepair);
        var back = await client.GetDocumentAsync(repairPage.QuerySelector("a.back-link")!.GetAttribute("href")!);

        Assert.Equal(References(filtered), References(back));
        Assert.Equal("Plumbing", back.QuerySelector("#trade option[selected]")?.GetAttribute("value"));
        Assert.Equal("all", back.QuerySelector("#status option[selected]")?.GetAttribute("value"));
        Assert.DoesNotContain(back.QuerySelectorAll("#queue tbody tr td:nth-child(2) .muted"), c => !c.TextContent.StartsWith("Plumbing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_are_remembered_for_the_session_on_the_server_and_a_new_sign_in_starts_afresh()
    {
        var client = await OfficerAsync();
        await client.GetDocumentAsync("/admin/repairs?priority=Emergency&status=all");

        var fromMenu = await client.GetDocumentAsync("/admin/repairs");
        var otherSession = await (await OfficerAsync()).GetDocumentAsync("/admin/repairs");
        var cleared = await client.GetDocumentAsync(fromMenu.QuerySelector(".filters__actions a")!.GetAttribute("href")!);
        var afterClearing = await client.GetDocumentAsync("/admin/repairs");

        Assert.Equal("Emergency", fromMenu.QuerySelector("#priority option[selected]")?.GetAttribute("value"));
        Assert.Equal("", otherSession.QuerySelector("#priority option[selected]")?.GetAttribute("value") ?? "");
        Assert.Equal("", cleared.QuerySelector("#priority option[selected]")?.GetAttribute("value") ?? "");
        Assert.Equal(References(cleared), References(afterClearing));
        var kept = await app.Factory.PortalAsync(db => db.JourneyStates.AsNoTracking().Where(j => j.Journey == "repair-queue-filters").Select(j => j.Data).ToListAsync());
        Assert.NotEmpty(kept);
    }

    [Fact]
    public async Task My_patch_shows_only_the_repairs_of_the_officers_patch_and_the_officer_can_change_it()
    {
        var client = await OfficerAsync();
        var queue = await client.GetDocumentAsync("/admin/repairs?status=open");
        var myPatchLink = queue.QuerySelector("#my-patch")!;
        var demoPatch = await app.Factory.HousingAsync(db => db.Tenancies.Where(t => t.Reference == Web.Data.Seeding.DemoData.TenancyReference)
            .Select(t => t.Property.Patch.Name).SingleAsync());

        var mine = await client.GetDocumentAsync(myPatchLink.GetAttribute("href")!);
        var patches = await app.Factory.HousingAsync(db => db.Repairs.Where(r => References(mine).Contains(r.Reference)).Select(r => r.Property.Patch.Name).Distinct().ToListAsync());

        Assert.Equal($"My patch ({demoPatch})", myPatchLink.TextContent.Trim());
        Assert.NotEmpty(References(mine));
        Assert.Equal([demoPatch], patches);

        var other = queue.QuerySelectorAll("#my-patch-choice option").First(o => o.TextContent != demoPatch);
        var changed = await client.FollowAsync(await client.SubmitFormAsync(queue, new Dictionary<string, string> { ["patchId"] = other.GetAttribute("value")! }, "form[action$='my-patch']"));
        Assert.Equal($"My patch ({other.TextContent})", changed.QuerySelector("#my-patch")!.TextContent.Trim());
        var audit = await app.Factory.PortalAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "staff-account.patch-chosen").ToListAsync());
        Assert.Contains(audit, a => a.ActorName == "Dana Officer");

        await client.SubmitFormAsync(changed, new Dictionary<string, string> { ["patchId"] = queue.QuerySelectorAll("#my-patch-choice option").First(o => o.TextContent == demoPatch).GetAttribute("value")! }, "form[action$='my-patch']");
    }

    [Fact]
    public async Task The_csv_export_holds_every_filtered_repair_in_words_with_formulas_made_harmless()
    {
        var client = await OfficerAsync();
        var reference = await app.Factory.NewRepairAsync();
        await app.Factory.HousingAsync(db => db.Repairs.Where(r => r.Reference == reference).ExecuteUpdateAsync(s => s.SetProperty(r => r.Priority, RepairPriority.Emergency)));
        await app.Factory.HousingAsync(db => db.Repairs.Where(r => r.Reference == reference)
            .SelectMany(r => db.Tenants.Where(t => t.TenancyId == r.TenancyId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FirstName, "=HYPERLINK(\"http://evil.example\")")));
        var queue = await client.GetDocumentAsync("/admin/repairs?status=all&emergency=true");

        var response = await client.GetAsync(queue.QuerySelector("a#export")!.GetAttribute("href")!);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Join(',', RepairQueueExport.Headings), lines[0]);
        var total = int.Parse(queue.QuerySelector("#result-count")!.TextContent.Split(' ')[0].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(total, lines.Length - 1);
        Assert.True(total > 25, "The export is every filtered repair, not one page");
        var row = Assert.Single(lines, l => l.StartsWith(reference, StringComparison.Ordinal));
        Assert.Contains(",Emergency,Reported,", row, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")", row, StringComparison.Ordinal);
        Assert.DoesNotContain(lines.Skip(1), l => l.Contains(",=", StringComparison.Ordinal));
        Assert.Contains(await app.Factory.PortalAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "repairs.exported").ToListAsync()), a => a.ActorName == "Dana Officer");
    }

    [Fact]
    public async Task Job_references_in_the_queue_do_not_wrap()
    {
        var client = await OfficerAsync();

        var queue = await client.GetDocumentAsync("/admin/repairs?status=all");
        var css = await client.GetStringAsync("/css/site.css");

        Assert.All(queue.QuerySelectorAll("#queue tbody tr td:first-child"), cell => Assert.Contains("nowrap", cell.ClassList));
        Assert.Contains(".nowrap { white-space: nowrap; }", css, StringComparison.Ordinal);
    }
}
