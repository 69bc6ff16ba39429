using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Security;

/// <summary>ASVS V5.3.3 (output encoding) and V5.3.4 (parameterised queries): a value carrying both a script tag and
/// a SQL fragment, typed into every free-text field that is shown back to tenants or officers, is stored exactly as
/// typed and shown as text: the parsed page has no injected element and the text appears literally.</summary>
public sealed class InjectionTests(SecurityAppFixture fixture) : IClassFixture<SecurityAppFixture>
{
    private const string Payload = Injection.Payload;
    private RepairsApp App => fixture.App;

    private async Task<HttpClient> OfficerAsync()
    {
        var client = App.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        return client;
    }

    [Fact]
    public async Task Repair_description_who_is_home_and_access_notes_are_stored_verbatim_and_shown_encoded_to_tenant_and_officer()
    {
        var tenant = await App.SignedInAsync();
        ReportJourney.Expect(await tenant.SubmitFormAsync("/repairs/report", new Dictionary<string, string>()), "/repairs/report/where");
        ReportJourney.Expect(await tenant.ChooseAsync("/repairs/report/where", "Kitchen"), "/repairs/report/what");
        ReportJourney.Expect(await tenant.ChooseAsync("/repairs/report/what", "Tap"), "/repairs/report/problem");
        ReportJourney.Expect(await tenant.ChooseAsync("/repairs/report/problem", "Dripping or leaking"), "/repairs/report/describe");
        ReportJourney.Expect(await tenant.SubmitFormAsync("/repairs/report/describe", new Dictionary<string, string> { ["Description"] = Payload }), "/repairs/report/photos");
        ReportJourney.Expect(await tenant.UploadPhotosAsync("continue"), "/repairs/report/access");
        ReportJourney.Expect(await tenant.SubmitFormAsync("/repairs/report/access", new Dictionary<string, string> { ["WhoWillBeHome"] = Payload, ["AccessNotes"] = Payload, ["ContactPhone"] = "07700 900 982" }), "/repairs/report/appointment");
        var slots = await tenant.GetDocumentAsync("/repairs/report/appointment");
        var slot = slots.QuerySelector("input[name=Choice]")?.GetAttribute("value");
        ReportJourney.Expect(await tenant.SubmitFormAsync(slots, slot is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Choice"] = slot }), "/repairs/report/check");

        var check = await tenant.GetDocumentAsync("/repairs/report/check");
        Injection.AssertShownEncoded(check, "main");
        var submitted = await tenant.SubmitFormAsync(check, new Dictionary<string, string>());
        var reference = submitted.Headers.Location!.OriginalString.Split('/').Last();

        var stored = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().Where(r => r.Reference == reference).Select(r => new { r.Description, r.WhoWillBeHome, r.AccessNotes }).SingleAsync());
        Assert.Equal((Payload, Payload, Payload), (stored.Description, stored.WhoWillBeHome, stored.AccessNotes));
        Injection.AssertShownEncoded(await tenant.GetDocumentAsync($"/repairs/{reference}"), "main");
        var officerPage = await (await OfficerAsync()).GetDocumentAsync($"/admin/repairs/{reference}");
        Injection.AssertShownEncoded(officerPage, "main");
        Assert.True(officerPage.QuerySelector("main")!.TextContent.Split(Payload).Length >= 3, "The officer sees the description and the access notes");
    }

    [Fact]
    public async Task Officer_note_and_tenant_added_information_are_shown_encoded_on_both_sides()
    {
        var reference = await App.WithHousingAsync(db => db.Repairs.Where(r => r.Tenancy!.Reference == DemoData.TenancyReference && r.Status == Web.Data.Housing.RepairStatus.Reported).Select(r => r.Reference).FirstAsync());
        var officer = await OfficerAsync();
        var tenant = await App.SignedInAsync();

        var page = await officer.GetDocumentAsync($"/admin/repairs/{reference}");
        var noted = await officer.SubmitFormAsync(page, new Dictionary<string, string> { ["StatusForm.Status"] = "InProgress", ["StatusForm.Note"] = Payload, ["StatusForm.NoteVisibility"] = "tenant" }, $"form[action='/admin/repairs/{reference}/status']");
        var added = await tenant.SubmitFormAsync($"/repairs/{reference}/add-information", new Dictionary<string, string> { ["Information"] = Payload + " (tenant)" });

        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var notes = await App.WithHousingAsync(db => db.RepairStatusHistory.Where(h => db.Repairs.Any(r => r.Id == h.RepairId && r.Reference == reference) && h.Note!.StartsWith(Payload)).Select(h => h.Note).ToListAsync());
        Assert.Equal([Payload, Payload + " (tenant)"], notes.Order());
        Injection.AssertShownEncoded(await tenant.GetDocumentAsync($"/repairs/{reference}"), "main");
        Injection.AssertShownEncoded(await officer.GetDocumentAsync($"/admin/repairs/{reference}"), "main");
    }

    [Theory]
    [InlineData("interpreter", "InterpreterLanguage")]
    [InlineData("hearing-or-sight", "HearingOrSightNeeds")]
    [InlineData("advocate", "Advocate")]
    public async Task Contact_detail_text_is_stored_verbatim_and_shown_encoded_to_tenant_and_officer(string slug, string field)
    {
        var tenant = await App.SignedInAsync();
        var check = await tenant.FollowAsync(await tenant.SubmitFormAsync($"/contact-details/{slug}", new Dictionary<string, string> { ["Value"] = Payload }));
        Injection.AssertShownEncoded(check, "main");

        var saved = await tenant.SubmitFormAsync(check, new Dictionary<string, string> { ["Step"] = "save" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var tenantId = await App.WithHousingAsync(db => db.Tenants.Where(t => t.Email == DemoSeeder.TenantEmail).Select(t => t.Id).SingleAsync());
        var value = await App.WithHousingAsync(db => db.Tenants.Where(t => t.Id == tenantId)
            .Select(t => field == "InterpreterLanguage" ? t.InterpreterLanguage : field == "HearingOrSightNeeds" ? t.HearingOrSightNeeds : t.Advocate).SingleAsync());
        Assert.Equal(Payload, value);
        Injection.AssertShownEncoded(await tenant.GetDocumentAsync("/contact-details"), $"[data-field={field}]");
        var officer = await OfficerAsync();
        Injection.AssertShownEncoded(await officer.GetDocumentAsync($"/admin/tenants/{tenantId}/contact-details"), $"[data-field={field}]");
        var edit = await officer.GetDocumentAsync($"/admin/tenants/{tenantId}/contact-details/edit");
        Assert.Equal(Payload, edit.QuerySelector($"#{field}")!.GetAttribute("value") ?? edit.QuerySelector($"#{field}")!.TextContent);
    }

    [Theory]
    [InlineData("/admin/repairs?q={0}")]
    [InlineData("/admin/repairs?q={0}&priority={0}&status={0}&sort={0}&patch={0}")]
    [InlineData("/admin/tenancies?q={0}")]
    [InlineData("/admin/payments?tenancy={0}")]
    [InlineData("/admin/audit?recordType={0}&recordId={0}&actor={0}")]
    public async Task Search_boxes_take_injection_without_error_and_echo_it_encoded(string template)
    {
        var client = App.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(client);

        var response = await client.GetAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(Payload)), UriKind.Relative));
        var page = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("1=1", page.Body!.TextContent.Replace(Payload, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.Contains(page.QuerySelectorAll("input"), i => i.GetAttribute("value") == Payload);
    }

    [Fact]
    public async Task A_sql_fragment_in_the_search_finds_nothing_rather_than_everything()
    {
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync("/admin/tenancies?q=" + Uri.EscapeDataString("' OR 1=1 --"));

        Assert.DoesNotContain(DemoData.TenancyReference, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
