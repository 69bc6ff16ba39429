using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Admin;
using TenantPortal.Web.Features.Notifications;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Admin;

/// <summary>An officer's changes to a repair: each saved with a history row, an audit entry and (for status changes)
/// an email to the tenants. Each test takes its own open repair from the demo data.</summary>
public sealed class RepairActionsTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private async Task<(HttpClient Client, string Reference)> OfficerWithRepairAsync()
    {
        var reference = await app.Factory.NewRepairAsync();
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        return (client, reference);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string reference, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync($"/admin/repairs/{reference}");
        return await client.SubmitFormAsync(page, fields, $"form[action='/admin/repairs/{reference}/{action}']");
    }

    /// <summary>Where each tenant on the repair's tenancy is told: their email, mobile or home address, as their
    /// contact record asks (the rule itself is proven in ChannelChoiceTests).</summary>
    private async Task<List<string>> TenantEmailsAsync(string reference)
    {
        var tenants = await app.Factory.HousingAsync(db => db.Repairs.Where(r => r.Reference == reference)
            .SelectMany(r => db.Tenants.Where(t => t.TenancyId == r.TenancyId)
                .Select(t => new { t.PreferredContactMethod, t.AgreesToEmails, t.AgreesToTexts, t.Email, t.MobilePhone, t.Tenancy.Property.Postcode })).ToListAsync());
        return tenants.Select(t => ChannelChoice.Choose(new ContactPreferences(t.PreferredContactMethod, t.AgreesToEmails, t.AgreesToTexts, t.Email, t.MobilePhone)) switch
        {
            MessageChannel.Email => t.Email!,
            MessageChannel.Text => t.MobilePhone!,
            _ => t.Postcode,
        }).ToList();
    }

    private static string Recipient(Web.Data.Portal.OutboxMessage m) => m.Channel == MessageChannel.Letter ? m.To.Split('\n')[^1] : m.To;

    private Task<List<Web.Data.Portal.OutboxMessage>> EmailsAboutAsync(string reference) =>
        app.Factory.PortalAsync(db => db.EmailOutbox.AsNoTracking().Where(m => m.Subject.Contains(reference)).ToListAsync());

    [Fact]
    public async Task Changing_the_status_with_a_tenant_note_saves_history_audit_and_emails_the_tenants()
    {
        var (client, reference) = await OfficerWithRepairAsync();
        var before = await app.Factory.RepairAsync(reference);

        var response = await PostAsync(client, reference, "status", new() { ["StatusForm.Status"] = "InProgress", ["StatusForm.Note"] = "Parts ordered, fitting Tuesday", ["StatusForm.NoteVisibility"] = "tenant" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/repairs/{reference}", response.Headers.Location?.OriginalString);
        var after = await app.Factory.RepairAsync(reference);
        Assert.Equal(RepairStatus.InProgress, after.Status);
        Assert.NotEqual(before.Version, after.Version);
        var change = after.History.OrderBy(h => h.Id).Last();
        Assert.Equal((RepairStatus.InProgress, "Parts ordered, fitting Tuesday", true, "Dana Officer", RepairChannel.Officer),
            (change.Status, change.Note, change.NoteVisibleToTenant, change.ChangedBy, change.Channel));
        var audit = Assert.Single(await app.Factory.AuditAsync("Repair", reference));
        Assert.Equal("repair.status-changed", audit.Action);
        Assert.Equal("Dana Officer", audit.ActorName);
        Assert.Contains("\"Status\":\"Reported\"", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"InProgress\"", audit.After, StringComparison.Ordinal);
        var emails = await EmailsAboutAsync(reference);
        Assert.Equal((await TenantEmailsAsync(reference)).Order(), emails.Select(Recipient).Order());
        Assert.All(emails, e => Assert.Contains("Parts ordered, fitting Tuesday", e.Body, StringComparison.Ordinal));

        var page = await client.GetDocumentAsync($"/admin/repairs/{reference}");
        Assert.Equal("Status changed to In progress.", page.QuerySelector("#repair-message").Text());
        Assert.Equal("In progress", page.QuerySelector("#repair-status").Text());
        Assert.Contains("Parts ordered, fitting Tuesday", page.QuerySelector("#history").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_internal_note_is_not_emailed_to_the_tenant()
    {
        var (client, reference) = await OfficerWithRepairAsync();

        await PostAsync(client, reference, "status", new() { ["StatusForm.Status"] = "OnHold", ["StatusForm.Note"] = "Waiting for the asbestos survey", ["StatusForm.NoteVisibility"] = "internal" });

        var after = await app.Factory.RepairAsync(reference);
        Assert.Equal(RepairStatus.OnHold, after.Status);
        Assert.False(after.History.OrderBy(h => h.Id).Last().NoteVisibleToTenant);
        var emails = await EmailsAboutAsync(reference);
        Assert.NotEmpty(emails);
        Assert.All(emails, e => Assert.DoesNotContain("asbestos", e.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Completing_sets_the_completion_time_and_notes_and_then_the_repair_cannot_change()
    {
        var (client, reference) = await OfficerWithRepairAsync();

        await PostAsync(client, reference, "complete", new() { ["CompleteForm.CompletionNotes"] = "Replaced the washer", ["CompleteForm.NoteVisibility"] = "tenant" });

        var after = await app.Factory.RepairAsync(reference);
        Assert.Equal(RepairStatus.Completed, after.Status);
        Assert.NotNull(after.CompletedAt);
        Assert.Equal("Replaced the washer", after.CompletionNotes);
        Assert.Equal("repair.completed", Assert.Single(await app.Factory.AuditAsync("Repair", reference)).Action);
        Assert.Contains(await EmailsAboutAsync(reference), e => e.Subject.Contains("completed", StringComparison.Ordinal) && e.Body.Contains("Replaced the washer", StringComparison.Ordinal));
        // The page no longer offers the forms, so post the change directly with a token.
        Assert.Empty((await client.GetDocumentAsync($"/admin/repairs/{reference}")).QuerySelectorAll("main form"));
        var token = await client.AntiforgeryTokenAsync("/account/change-password");
        var direct = await client.PostAsync(new Uri($"/admin/repairs/{reference}/status", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("StatusForm.Version", after.Version.ToString()), new("StatusForm.Status", "Reported"), new("StatusForm.NoteVisibility", "internal")]));
        var page = await direct.GetDocumentAsync();
        Assert.Contains("cannot be changed", string.Join(' ', page.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(RepairStatus.Completed, (await app.Factory.RepairAsync(reference)).Status);
    }

    [Fact]
    public async Task Cancelling_records_the_time_history_and_audit()
    {
        var (client, reference) = await OfficerWithRepairAsync();

        await PostAsync(client, reference, "cancel", new() { ["CancelForm.Reason"] = "Reported twice", ["CancelForm.NoteVisibility"] = "tenant" });

        var after = await app.Factory.RepairAsync(reference);
        Assert.Equal(RepairStatus.Cancelled, after.Status);
        Assert.NotNull(after.CancelledAt);
        Assert.Equal("Reported twice", after.History.OrderBy(h => h.Id).Last().Note);
        Assert.Equal("repair.cancelled", Assert.Single(await app.Factory.AuditAsync("Repair", reference)).Action);
    }

    [Fact]
    public async Task Changing_the_priority_recomputes_the_target_date_and_audits_the_reason()
    {
        var (client, reference) = await OfficerWithRepairAsync();
        var before = await app.Factory.RepairAsync(reference);
        var priority = before.Priority == RepairPriority.Emergency ? RepairPriority.Routine : RepairPriority.Emergency;

        await PostAsync(client, reference, "priority", new() { ["PriorityForm.Priority"] = priority.ToString(), ["PriorityForm.Reason"] = "Tenant is vulnerable" });

        var after = await app.Factory.RepairAsync(reference);
        Assert.Equal(priority, after.Priority);
        var targets = app.Factory.Services.GetRequiredService<RepairTargets>();
        Assert.Equal(targets.TargetDate(priority, before.HazardType, before.ReportedAt), after.TargetDate);
        var note = after.History.OrderBy(h => h.Id).Last();
        Assert.Contains("Tenant is vulnerable", note.Note, StringComparison.Ordinal);
        Assert.False(note.NoteVisibleToTenant);
        var audit = Assert.Single(await app.Factory.AuditAsync("Repair", reference));
        Assert.Equal("repair.priority-changed", audit.Action);
        Assert.Contains($"\"Priority\":\"{before.Priority}\"", audit.Before, StringComparison.Ordinal);
        Assert.Contains($"\"Priority\":\"{priority}\"", audit.After, StringComparison.Ordinal);
        var emails = await EmailsAboutAsync(reference);
        Assert.Equal((await TenantEmailsAsync(reference)).Order(), emails.Select(Recipient).Order());
        Assert.All(emails, e => Assert.Contains(AdminDisplay.Date(after.TargetDate), e.Body, StringComparison.Ordinal));
        Assert.All(emails, e => Assert.DoesNotContain("vulnerable", e.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_made_on_a_stale_page_is_refused_and_nothing_is_saved()
    {
        var (client, reference) = await OfficerWithRepairAsync();
        var stalePage = await client.GetDocumentAsync($"/admin/repairs/{reference}");
        await PostAsync(client, reference, "status", new() { ["StatusForm.Status"] = "Booked", ["StatusForm.NoteVisibility"] = "internal" });

        var response = await client.SubmitFormAsync(stalePage, new Dictionary<string, string> { ["CompleteForm.CompletionNotes"] = "Done", ["CompleteForm.NoteVisibility"] = "tenant" }, $"form[action='/admin/repairs/{reference}/complete']");
        var page = await response.GetDocumentAsync();

        Assert.Contains("Someone else changed this repair", string.Join(' ', page.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(RepairStatus.Booked, (await app.Factory.RepairAsync(reference)).Status);
        Assert.Single(await app.Factory.AuditAsync("Repair", reference));
    }

    [Fact]
    public async Task Completing_without_notes_shows_the_error_next_to_the_field()
    {
        var (client, reference) = await OfficerWithRepairAsync();

        var response = await PostAsync(client, reference, "complete", new() { ["CompleteForm.CompletionNotes"] = "", ["CompleteForm.NoteVisibility"] = "tenant" });
        var page = await response.GetDocumentAsync();

        Assert.Equal(["Enter the completion notes"], page.ErrorSummary());
        Assert.Equal("#CompleteForm_CompletionNotes", page.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal("Enter the completion notes", page.FieldError("CompleteForm_CompletionNotes"));
        Assert.Equal(RepairStatus.Reported, (await app.Factory.RepairAsync(reference)).Status);
    }
}
