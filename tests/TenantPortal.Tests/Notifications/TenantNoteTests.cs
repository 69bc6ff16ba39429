using System.Net;
using AngleSharp.Html.Dom;
using TenantPortal.Tests.Admin;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Tests.Notifications;

/// <summary>"Add a note for the tenant" on the officer's repair page: the note is on the tenant's timeline, audited,
/// and the tenant is told once, the way they asked (the channel rule itself is proven in ChannelChoiceTests); the
/// status does not change.</summary>
public sealed class TenantNoteTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    private const string Mobile = "+447700900456";
    private const string Note = "The part is on order and should arrive on Friday.";

    private RepairsApp App => fixture.App;

    private async Task<(HttpClient Officer, IHtmlDocument Page)> OfficerOnRepairAsync(string reference)
    {
        var officer = App.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);
        return (officer, await officer.GetDocumentAsync($"/admin/repairs/{reference}"));
    }

    private static Task<HttpResponseMessage> AddNoteAsync(HttpClient officer, IHtmlDocument page, string note) =>
        officer.SubmitFormAsync(page, new Dictionary<string, string> { ["TenantNote.Note"] = note }, "#tenant-note form");

    [Fact]
    public async Task A_note_for_the_tenant_is_on_their_timeline_audited_and_sent_once_by_text_when_they_prefer_texts_and_the_status_stays()
    {
        var tenantId = await NotificationTestData.SetDemoTenantContactAsync(App, ContactMethod.Text, agreesToEmails: true, agreesToTexts: true, Mobile);
        var tenant = await App.SignedInAsync();
        var (reference, _) = await TenantRepairSteps.ReportAsync(tenant);
        var before = (await NotificationTestData.MessagesAboutAsync(App, tenantId, reference)).Count;
        var (officer, page) = await OfficerOnRepairAsync(reference);
        var status = page.QuerySelector("#repair-status")!.TextContent;

        var response = await AddNoteAsync(officer, page, Note);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var repairPage = await officer.FollowAsync(response);
        var done = repairPage.QuerySelector("#repair-message")!.TextContent.Trim();
        Assert.StartsWith("Note added. The tenants are told by ", done, StringComparison.Ordinal);
        Assert.Contains("text message", done, StringComparison.Ordinal);
        Assert.Equal(status, repairPage.QuerySelector("#repair-status")!.TextContent);
        Assert.Contains(Note, repairPage.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);

        var sent = (await NotificationTestData.MessagesAboutAsync(App, tenantId, reference)).Skip(before).ToList();
        var text = Assert.Single(sent);
        Assert.Equal(MessageChannel.Text, text.Channel);
        Assert.Equal(Mobile, text.To);
        Assert.Contains("Northgate Homes", text.Body, StringComparison.Ordinal);
        Assert.Contains("tap", text.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Note, text.Body, StringComparison.Ordinal);
        Assert.Contains($"{NotificationTestData.PublicBaseUrlOf(App)}/repairs/{reference}", text.Body, StringComparison.OrdinalIgnoreCase);

        var timeline = await tenant.GetDocumentAsync($"/repairs/{reference}");
        Assert.Contains($"A note from us: {Note}", timeline.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var audit = Assert.Single(await App.Factory.AuditAsync("Repair", reference), a => a.Action == "repair.note-added");
        Assert.Contains(Note, audit.After, StringComparison.Ordinal);
        var administrator = App.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(administrator);
        var log = await administrator.GetDocumentAsync($"/admin/audit?recordType=Repair&recordId={reference}");
        Assert.Contains(log.QuerySelectorAll(".audit-sentence"), e => e.TextContent.Contains($"added a note for the tenant to repair {reference}", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_empty_note_or_one_over_1000_characters_is_refused_next_to_the_field_and_in_the_summary_keeping_the_text()
    {
        var tenant = await App.SignedInAsync();
        var (reference, _) = await TenantRepairSteps.ReportAsync(tenant);
        var (officer, page) = await OfficerOnRepairAsync(reference);
        var tooLong = new string('a', 1001);

        var empty = await AddNoteAsync(officer, page, "   ");
        var emptyPage = await empty.GetDocumentAsync();
        var longPage = await (await AddNoteAsync(officer, page, tooLong)).GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("#TenantNote_Note", emptyPage.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Contains("Enter the note for the tenant", emptyPage.QuerySelector("#tenant-note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The note must be 1,000 characters or fewer", longPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The note must be 1,000 characters or fewer", longPage.QuerySelector("#tenant-note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tooLong, longPage.QuerySelector("textarea[name='TenantNote.Note']")!.TextContent);
        Assert.DoesNotContain(await App.Factory.AuditAsync("Repair", reference), a => a.Action == "repair.note-added");
    }

    [Fact]
    public async Task A_tenant_sees_only_the_notes_on_their_own_repairs_and_cannot_add_one()
    {
        var tenant = await App.SignedInAsync();
        var (reference, _) = await TenantRepairSteps.ReportAsync(tenant);
        var (officer, page) = await OfficerOnRepairAsync(reference);
        const string privateNote = "Only the household of this home should read this.";
        Assert.Equal(HttpStatusCode.Redirect, (await AddNoteAsync(officer, page, privateNote)).StatusCode);
        var other = await App.SignedInAsync(RepairsApp.SecondTenantEmail);

        var theirView = await other.GetAsync($"/repairs/{reference}");
        var theirList = await other.GetStringAsync("/repairs");
        var tenantPosting = await tenant.SubmitFormAsync(page, new Dictionary<string, string> { ["TenantNote.Note"] = "From the tenant" }, "#tenant-note form");

        Assert.Equal(HttpStatusCode.NotFound, theirView.StatusCode);
        Assert.DoesNotContain(privateNote, theirList, StringComparison.Ordinal);
        Assert.Contains(privateNote, (await tenant.GetDocumentAsync($"/repairs/{reference}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, tenantPosting.StatusCode);
        Assert.DoesNotContain(await App.Factory.AuditAsync("Repair", reference), a => a.Action == "repair.note-added" && a.After!.Contains("From the tenant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_completed_repair_offers_no_note_form_and_a_note_posted_anyway_is_not_added()
    {
        var tenant = await App.SignedInAsync();
        var (reference, _) = await TenantRepairSteps.ReportAsync(tenant);
        var (officer, page) = await OfficerOnRepairAsync(reference);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(page, new Dictionary<string, string> { ["CompleteForm.CompletionNotes"] = "Replaced the washer", ["CompleteForm.NoteVisibility"] = "tenant" }, $"form[action='/admin/repairs/{reference}/complete']")).StatusCode);

        var completed = await officer.GetDocumentAsync($"/admin/repairs/{reference}");
        var posted = await AddNoteAsync(officer, page, "Too late for this one");

        Assert.Null(completed.QuerySelector("#tenant-note"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("This repair is completed or cancelled, so no note can be added.", (await officer.FollowAsync(posted)).QuerySelector("#repair-message")!.TextContent.Trim());
        Assert.DoesNotContain(await App.Factory.AuditAsync("Repair", reference), a => a.Action == "repair.note-added");
    }
}
