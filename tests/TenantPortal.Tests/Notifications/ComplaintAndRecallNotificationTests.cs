using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Complaints;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Notifications;
using TenantPortal.Web.Infrastructure.Texts;

namespace TenantPortal.Tests.Notifications;

/// <summary>Complaint stages, "it's not fixed" and a tenant cancelling their repair, told through the notifications
/// module by the tenant's channel: texts for a tenant who prefers texts, a queued letter for one who prefers letters,
/// never an email to a tenant who refused emails.</summary>
public sealed class ComplaintAndRecallNotificationTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    private const string Mobile = "+447700900456";

    private RepairsApp App => fixture.App;

    private string ComplaintPage(string reference) => $"{NotificationTestData.PublicBaseUrlOf(App)}/complaints/{reference}";

    private async Task<HttpClient> OfficerAsync()
    {
        var client = App.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        return client;
    }

    [Fact]
    public async Task A_tenant_who_prefers_texts_gets_a_text_at_every_complaint_stage_naming_the_landlord_and_linking_to_the_complaint()
    {
        var tenantId = await NotificationTestData.SetDemoTenantContactAsync(App, ContactMethod.Text, agreesToEmails: false, agreesToTexts: true, Mobile);
        var tenant = await App.SignedInAsync();
        var officer = await OfficerAsync();

        var (reference, _) = await ComplaintsTests.ComplainAsync(tenant, null, "Nobody calls me back about the damp");
        await ComplaintsTests.OfficerPostAsync(officer, reference, "acknowledge", new());
        await ComplaintsTests.OfficerPostAsync(officer, reference, "extend", new() { ["ExtendForm.Days"] = "5", ["ExtendForm.Reason"] = "We need the surveyor's report" });
        await ComplaintsTests.OfficerPostAsync(officer, reference, "respond", new() { ["RespondForm.Decision"] = "We agree and will treat the damp." });
        await tenant.SubmitFormAsync(await tenant.GetDocumentAsync($"/complaints/{reference}/escalate"), new Dictionary<string, string> { ["Reason"] = "Nothing has happened" });
        await ComplaintsTests.OfficerPostAsync(officer, reference, "acknowledge", new());
        await ComplaintsTests.OfficerPostAsync(officer, reference, "respond", new() { ["RespondForm.Decision"] = "The damp is treated this week." });

        var texts = await NotificationTestData.MessagesAboutAsync(App, tenantId, reference);
        Assert.Equal(7, texts.Count); // one per letter below
        Assert.All(texts, m => Assert.Equal((MessageChannel.Text, Mobile), (m.Channel, m.To)));
        Assert.All(texts, m => Assert.Contains("Northgate Homes", m.Body, StringComparison.Ordinal));
        Assert.All(texts, m => Assert.EndsWith(ComplaintPage(reference), m.Body, StringComparison.Ordinal));
        Assert.All(texts, m => Assert.True(SmsLength.Fragments(m.Body) <= SmsLength.MaxFragments, m.Body));
        var letters = await App.WithHousingAsync(db => db.ComplaintLetters.AsNoTracking().Where(l => l.ComplaintId == db.Complaints.Single(c => c.Reference == reference).Id).OrderBy(l => l.Id).Select(l => l.Kind).ToListAsync());
        Assert.Equal([ComplaintLetterKind.Received, ComplaintLetterKind.Acknowledgement, ComplaintLetterKind.Extension, ComplaintLetterKind.Response, ComplaintLetterKind.EscalationRequested, ComplaintLetterKind.Acknowledgement, ComplaintLetterKind.Response], letters);
    }

    [Fact]
    public async Task A_tenant_who_prefers_letters_has_a_letter_queued_for_their_own_complaint_and_the_letter_is_kept_with_the_complaint()
    {
        var tenantId = await NotificationTestData.SetDemoTenantContactAsync(App, ContactMethod.Letter, agreesToEmails: true, agreesToTexts: true, Mobile);
        var tenant = await App.SignedInAsync();

        var (reference, _) = await ComplaintsTests.ComplainAsync(tenant, null, "The caretaker was rude to me");

        var letter = Assert.Single(await NotificationTestData.MessagesAboutAsync(App, tenantId, reference));
        Assert.Equal(MessageChannel.Letter, letter.Channel);
        var postcode = await App.WithHousingAsync(db => db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Tenancy.Property.Postcode).SingleAsync());
        Assert.EndsWith(postcode, letter.To, StringComparison.Ordinal);
        Assert.Equal($"Complaint {reference}: we received your complaint", letter.Subject);
        Assert.Contains("Tuesday 17 November 2026", letter.Body, StringComparison.Ordinal); // the Code's 5 working days to acknowledge
        Assert.Contains(ComplaintPage(reference), letter.Body, StringComparison.Ordinal);
        Assert.Contains("Northgate Homes", letter.Body, StringComparison.Ordinal);
        var kept = await App.WithHousingAsync(db => db.ComplaintLetters.AsNoTracking().Where(l => l.ComplaintId == db.Complaints.Single(c => c.Reference == reference).Id).Select(l => l.Kind).ToListAsync());
        Assert.Equal([ComplaintLetterKind.Received], kept);
    }

    [Fact]
    public async Task The_completion_message_links_to_the_real_not_fixed_page_and_the_recall_is_confirmed_by_the_tenant_s_channel_not_by_email()
    {
        var tenantId = await NotificationTestData.SetDemoTenantContactAsync(App, ContactMethod.Text, agreesToEmails: true, agreesToTexts: true, Mobile);
        var original = await NotFixedTests.CompletedRepairAsync(App, 3);
        var tenant = await App.SignedInAsync();
        var completion = App.Factory.Services.GetRequiredService<TenantMessages>().Completed(original, "Tap: dripping", null);
        var link = completion.Body.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("If it's not fixed, tell us: ", StringComparison.Ordinal))["If it's not fixed, tell us: ".Length..];
        var path = new Uri(link).AbsolutePath;

        var page = await tenant.GetDocumentAsync(path);
        var response = await tenant.SubmitFormAsync(page, new Dictionary<string, string> { ["WhatIsWrong"] = "Still dripping" });

        Assert.Equal($"{NotificationTestData.PublicBaseUrlOf(App)}/repairs/{original}/not-fixed", link);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var recall = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().Where(r => r.RecallOfRepairId == db.Repairs.Single(o => o.Reference == original).Id).Select(r => r.Reference).SingleAsync());
        var message = Assert.Single(await NotificationTestData.MessagesAboutAsync(App, tenantId, recall));
        Assert.Equal((MessageChannel.Text, Mobile), (message.Channel, message.To));
        Assert.Contains($"repair {original} was not fixed", message.Body, StringComparison.Ordinal);
        Assert.EndsWith($"/repairs/{recall}", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_who_cancels_their_whole_repair_is_told_by_their_channel_that_nobody_will_come()
    {
        var tenantId = await NotificationTestData.SetDemoTenantContactAsync(App, ContactMethod.Email, agreesToEmails: false, agreesToTexts: true, Mobile);
        var tenant = await App.SignedInAsync();
        var (reference, _) = await TenantRepairSteps.ReportAsync(tenant);

        var response = await tenant.SubmitFormAsync(await tenant.GetDocumentAsync($"/repairs/{reference}/cancel"), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var messages = await NotificationTestData.MessagesAboutAsync(App, tenantId, reference);
        Assert.Equal([MessageChannel.Text, MessageChannel.Text], messages.Select(m => m.Channel)); // reported, then cancelled; no email
        Assert.Contains($"you cancelled repair {reference}", messages[1].Body, StringComparison.Ordinal);
        Assert.Contains("Nobody will come", messages[1].Body, StringComparison.Ordinal);
        Assert.EndsWith($"/repairs/{reference}", messages[1].Body, StringComparison.Ordinal);
    }
}
