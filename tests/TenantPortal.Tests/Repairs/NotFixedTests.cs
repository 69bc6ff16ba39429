using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Admin;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Repairs;

/// <summary>"It's not fixed" (for 28 days after completion, by default) raising a linked recall job, officers reopening
/// or recalling a completed repair with a reason, and the satisfied/dissatisfied "How did we do?" offering a complaint.</summary>
public sealed class NotFixedTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    private RepairsApp App => fixture.App;

    /// <summary>A repair of the demo tenancy completed <paramref name="daysAgo"/> days before the app's today.</summary>
    private Task<string> CompletedRepairAsync(int daysAgo, string tenancy = DemoData.TenancyReference) => CompletedRepairAsync(App, daysAgo, tenancy);

    /// <summary>The same for another test class's app.</summary>
    internal static Task<string> CompletedRepairAsync(RepairsApp app, int daysAgo, string tenancy = DemoData.TenancyReference) =>
        app.WithHousingAsync(async db =>
        {
            var t = await db.Tenancies.AsNoTracking().Where(x => x.Reference == tenancy).Select(x => new { x.Id, x.PropertyId }).SingleAsync();
            var item = await db.RepairCatalogue.AsNoTracking().Where(c => !c.IsTenantResponsibility && c.Hazard == HazardType.None && c.Priority == RepairPriority.Routine).OrderBy(c => c.Id).FirstAsync();
            var completed = app.Factory.UtcNow.AddDays(-daysAgo);
            var repair = new Repair
            {
                Reference = $"NF-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}",
                PropertyId = t.PropertyId,
                TenancyId = t.Id,
                CatalogueItemId = item.Id,
                Trade = item.Trade,
                Priority = item.Priority,
                Description = "Dripping tap",
                Location = "Kitchen",
                Status = RepairStatus.Completed,
                ReportedAt = completed.AddDays(-5),
                TargetDate = DateOnly.FromDateTime(completed),
                CompletedAt = completed,
                Channel = RepairChannel.Portal,
            };
            db.Repairs.Add(repair);
            await db.SaveChangesAsync();
            return repair.Reference;
        });

    [Fact]
    public async Task A_tenant_says_a_repair_completed_28_days_ago_is_not_fixed_and_a_recall_job_shows_the_original_reference()
    {
        var original = await CompletedRepairAsync(28);
        var client = await App.SignedInAsync();
        var details = await client.GetDocumentAsync($"/repairs/{original}");
        Assert.NotNull(details.QuerySelector("#not-fixed"));

        var response = await client.SubmitFormAsync($"/repairs/{original}/not-fixed", new Dictionary<string, string> { ["WhatIsWrong"] = "Still dripping" });

        var recall = await client.FollowAsync(response);
        Assert.Contains(original, recall.QuerySelector("#recall-of").Text(), StringComparison.Ordinal);
        Assert.NotNull(recall.QuerySelector($"#recall-raised a[href='/complaints/new?repair={original}']"));
        var job = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().SingleAsync(r => r.RecallOfRepairId == db.Repairs.Single(o => o.Reference == original).Id));
        Assert.Equal((RepairStatus.Reported, RepairChannel.Portal), (job.Status, job.Channel));
        Assert.Contains("Still dripping", job.Description, StringComparison.Ordinal);
        var again = await client.GetAsync(new Uri($"/repairs/{original}/not-fixed", UriKind.Relative));
        Assert.Equal($"/repairs/{job.Reference}", again.Headers.Location!.OriginalString); // one open recall at a time
    }

    [Fact]
    public async Task After_28_days_the_tenant_can_no_longer_say_it_is_not_fixed()
    {
        var original = await CompletedRepairAsync(29);
        var client = await App.SignedInAsync();

        var details = await client.GetDocumentAsync($"/repairs/{original}");
        var post = await client.PostAsync(new Uri($"/repairs/{original}/not-fixed", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync($"/repairs/{original}/feedback"),
            ["WhatIsWrong"] = "Still dripping",
        }));

        Assert.Null(details.QuerySelector("#not-fixed"));
        Assert.Equal(0, await App.WithHousingAsync(db => db.Repairs.CountAsync(r => r.RecallOfRepairId == db.Repairs.Single(o => o.Reference == original).Id)));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
    }

    [Fact]
    public async Task Another_tenancy_s_repair_cannot_be_said_to_be_not_fixed()
    {
        var grace = await CompletedRepairAsync(1, DemoData.SecondTenancyReference);
        var alex = await App.SignedInAsync();

        var response = await alex.GetAsync(new Uri($"/repairs/{grace}/not-fixed", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_officer_recalls_or_reopens_a_completed_repair_with_a_reason_and_both_are_audited()
    {
        var toRecall = await CompletedRepairAsync(40);
        var toReopen = await CompletedRepairAsync(2);
        var officer = App.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);

        var recalled = await officer.FollowAsync(await officer.SubmitFormAsync($"/admin/repairs/{toRecall}/recall", new Dictionary<string, string> { ["Reason"] = "Tenant phoned: leak is back" }));
        var reopened = await officer.FollowAsync(await officer.SubmitFormAsync($"/admin/repairs/{toReopen}/reopen", new Dictionary<string, string> { ["Reason"] = "Closed by mistake" }));

        Assert.Contains(toRecall, recalled.NormalisedText(), StringComparison.Ordinal);
        var recall = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().SingleAsync(r => r.RecallOfRepairId == db.Repairs.Single(o => o.Reference == toRecall).Id));
        Assert.Equal(RepairChannel.Officer, recall.Channel);
        var again = await App.Factory.RepairAsync(toReopen);
        Assert.Equal((RepairStatus.Reported, (DateTime?)null), (again.Status, again.CompletedAt));
        Assert.Contains(again.History, h => h.Note == "Reopened: Closed by mistake" && h.NoteVisibleToTenant);
        Assert.Equal("repair.recalled", Assert.Single(await App.Factory.AuditAsync("Repair", toRecall)).Action);
        Assert.Equal("repair.reopened", Assert.Single(await App.Factory.AuditAsync("Repair", toReopen)).Action);
        Assert.Contains("Reported", reopened.QuerySelector("#repair-status").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_did_we_do_asks_satisfied_or_dissatisfied_with_don_t_know_and_a_dissatisfied_tenant_is_offered_a_complaint()
    {
        var reference = await CompletedRepairAsync(3);
        var client = await App.SignedInAsync();
        var form = await client.GetDocumentAsync($"/repairs/{reference}/feedback");
        Assert.Equal(["Very satisfied", "Fairly satisfied", "Neither satisfied nor dissatisfied", "Fairly dissatisfied", "Very dissatisfied", "Don't know"],
            form.QuerySelectorAll("fieldset")[0].QuerySelectorAll("label").Select(l => l.Text()));

        var page = await client.FollowAsync(await client.SubmitFormAsync(form, new Dictionary<string, string> { ["RepairRating"] = "1", ["TimeRating"] = "0" }));

        Assert.NotNull(page.QuerySelector($"#offer-complaint a[href='/complaints/new?repair={reference}']"));
        var feedback = await App.WithHousingAsync(db => db.RepairFeedback.AsNoTracking().SingleAsync(f => db.Repairs.Any(r => r.Id == f.RepairId && r.Reference == reference)));
        Assert.Equal((1, 0), (feedback.RepairRating, feedback.TimeRating));
    }
}
