using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Admin;

/// <summary>The Awaab's Law workflow on the officer's hazard case page (Hazards in Social Housing (Prescribed
/// Requirements) (England) Regulations 2025), through the app: each step a dated form, audited, on the tenant's
/// timeline in plain words. The app's clock is Tuesday 10 November 2026 10:00 (GMT).</summary>
public sealed class HazardCaseWorkflowTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private static string Url(string reference) => $"/admin/repairs/{reference}/hazard";

    private static string Form(string step) => $"form[action$='/hazard/{step}']";

    private async Task<HttpClient> OfficerAsync()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string reference, string step, Dictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync(Url(reference));
        return await client.SubmitFormAsync(page, fields, Form(step));
    }

    private Task<RepairHazardCase?> CaseAsync(string reference) =>
        app.Factory.HousingAsync(db => db.RepairHazardCases.AsNoTracking().SingleOrDefaultAsync(c => c.Repair.Reference == reference));

    /// <summary>A damp repair on the demo tenant's tenancy, reported on Monday 9 November at 09:00 (keyed, say, from a phone call).</summary>
    private Task<string> DemoTenantsDampRepairAsync() =>
        app.Factory.HousingAsync(async db =>
        {
            var tenancy = await db.Tenancies.AsNoTracking().Where(t => t.Reference == DemoData.TenancyReference).Select(t => new { t.Id, t.PropertyId }).SingleAsync();
            var item = await db.RepairCatalogue.AsNoTracking().Where(c => c.Hazard == HazardType.DampAndMould).OrderBy(c => c.Id).FirstAsync();
            var reported = UkTime.ToUtc(new DateOnly(2026, 11, 9), new TimeOnly(9, 0));
            var repair = new Repair
            {
                Reference = $"HZ-{Guid.NewGuid():N}"[..12].ToUpperInvariant(),
                PropertyId = tenancy.PropertyId,
                TenancyId = tenancy.Id,
                CatalogueItemId = item.Id,
                Trade = item.Trade,
                Priority = item.Priority,
                Description = "Black mould in the bedroom",
                Location = "Bedroom",
                Status = RepairStatus.Reported,
                ReportedAt = reported,
                Channel = RepairChannel.Phone,
                HazardType = HazardType.DampAndMould,
            };
            app.Factory.Services.GetRequiredService<HazardCaseSteps>().Classify(repair, HazardType.DampAndMould, reported, "Contact centre", "Reported as damp", reported);
            repair.History.Add(new RepairStatusChange { Status = RepairStatus.Reported, At = reported, ChangedBy = "Contact centre", Channel = RepairChannel.Phone });
            db.Repairs.Add(repair);
            await db.SaveChangesAsync();
            return repair.Reference;
        });

    [Fact]
    public async Task An_officer_classifies_an_ordinary_repair_as_a_significant_hazard_with_a_reason_and_the_10_working_day_investigation_clock_starts_from_the_report()
    {
        var client = await OfficerAsync();
        var reference = await app.Factory.NewRepairAsync(); // reported Sunday 8 November 10:00
        var repairPage = await client.GetDocumentAsync($"/admin/repairs/{reference}");
        Assert.Equal("Classify as a hazard", repairPage.QuerySelector("#hazard-case-link").Text());

        var response = await PostAsync(client, reference, "classify", new() { ["Classify.Kind"] = "DampAndMould", ["Classify.Reason"] = "Mould behind the wardrobe, child with asthma" });
        var page = await client.FollowAsync(response);

        Assert.Contains("now a hazard case", page.QuerySelector("#hazard-message").Text(), StringComparison.Ordinal);
        // "within 10 working days of becoming aware": Sunday 8 November counts from Monday 9, so the end of Friday 20 November.
        Assert.Contains("Investigate 20 Nov 2026 23:59", page.QuerySelector("#hazard-steps")!.NormalisedText(), StringComparison.Ordinal);
        var hazard = await CaseAsync(reference);
        Assert.Equal((HazardType.DampAndMould, "Mould behind the wardrobe, child with asthma", true), (hazard!.Kind, hazard.ClassificationReason, hazard.IsOpen));
        Assert.Equal("repair.hazard-classified", Assert.Single(await app.Factory.AuditAsync("Repair", reference)).Action);
        var repair = await app.Factory.RepairAsync(reference);
        Assert.True(repair.IsHazard);
        Assert.Contains(repair.History, h => h.NoteVisibleToTenant && h.Note == "We have treated this as a significant hazard (damp and mould) under Awaab's Law.");
    }

    [Fact]
    public async Task Each_step_is_recorded_with_when_it_happened_audited_and_the_later_clocks_run_from_the_investigation_until_the_case_closes()
    {
        var client = await OfficerAsync();
        var reference = await DemoTenantsDampRepairAsync();

        // Phoned on Friday 6 November at 17:55, keyed on Monday: "within 10 working days of becoming aware" -> Friday 20 November.
        var aware = await client.FollowAsync(await PostAsync(client, reference, "aware", new() { ["Aware.Date"] = "2026-11-06", ["Aware.Time"] = "17:55" }));
        Assert.Contains("Investigate 20 Nov 2026 23:59", aware.QuerySelector("#hazard-steps")!.NormalisedText(), StringComparison.Ordinal);

        // Investigated Monday 9 November 14:00: summary within 3 working days (Thursday 12), safety work within 5 (Monday 16),
        // further work started within 12 weeks (Monday 1 February 2027).
        var investigated = await client.FollowAsync(await PostAsync(client, reference, "investigation", new()
        {
            ["Investigation.Date"] = "2026-11-09",
            ["Investigation.Time"] = "14:00",
            ["Investigation.InvestigatedBy"] = "Sam Surveyor",
            ["Investigation.Outcome"] = "hazard",
            ["Investigation.Kind"] = "DampAndMould",
            ["Investigation.Findings"] = "Black mould on the outside wall from a blocked air brick.",
            ["Investigation.FurtherWorkNeeded"] = "true",
        }));
        var steps = investigated.QuerySelector("#hazard-steps")!.NormalisedText();
        Assert.Contains("Written summary to the tenant 12 Nov 2026 23:59", steps, StringComparison.Ordinal);
        Assert.Contains("Safety work 16 Nov 2026 23:59", steps, StringComparison.Ordinal);
        Assert.Contains("Start further work 1 Feb 2027 23:59", steps, StringComparison.Ordinal);
        Assert.Contains("blocked air brick", investigated.QuerySelector("#summary-preview").Text(), StringComparison.Ordinal);

        await client.FollowAsync(await PostAsync(client, reference, "summary", new() { ["Summary.Date"] = "2026-11-10", ["Summary.Time"] = "09:30" }));
        await client.FollowAsync(await PostAsync(client, reference, "safety-work", new() { ["SafetyWork.Date"] = "2026-11-10", ["SafetyWork.Time"] = "09:45", ["SafetyWork.Notes"] = "Mould treated, air brick cleared" }));
        Assert.True((await CaseAsync(reference))!.IsOpen); // further work still due
        var closed = await client.FollowAsync(await PostAsync(client, reference, "further-work", new() { ["FurtherWork.Date"] = "2026-11-10", ["FurtherWork.Time"] = "09:50", ["FurtherWork.Notes"] = "Ventilation survey booked" }));

        var hazard = await CaseAsync(reference);
        Assert.False(hazard!.IsOpen);
        Assert.Equal(UkTime.ToUtc(new DateOnly(2026, 11, 6), new TimeOnly(17, 55)), hazard.AwareAt);
        Assert.Equal(UkTime.ToUtc(new DateOnly(2026, 11, 9), new TimeOnly(14, 0)), hazard.InvestigatedAt);
        Assert.Contains("blocked air brick", hazard.SummaryText, StringComparison.Ordinal);
        Assert.Contains("All steps done", closed.QuerySelector("#hazard-state").Text(), StringComparison.Ordinal);
        Assert.Equal(
            ["repair.hazard-aware", "repair.hazard-investigated", "repair.hazard-summary-sent", "repair.hazard-made-safe", "repair.hazard-further-work-started"],
            (await app.Factory.AuditAsync("Repair", reference)).Select(a => a.Action));
        var summaryEmails = await app.Factory.PortalAsync(db => db.EmailOutbox.AsNoTracking().Where(m => m.Subject == $"Repair {reference}: written summary of our investigation").ToListAsync());
        // Sent the way each tenant asked: the lead tenant by email (the whole summary), the joint tenant by text.
        Assert.Contains(summaryEmails, m => m.To == DemoSeeder.TenantEmail && m.Channel == Web.Data.Portal.MessageChannel.Email && m.Body.Contains("blocked air brick", StringComparison.Ordinal));
        Assert.Contains(summaryEmails, m => m.Channel == Web.Data.Portal.MessageChannel.Text && m.Body.Contains($"repair {reference}", StringComparison.Ordinal));

        // The tenant's timeline: each event in its own plain words, under no unrelated status heading.
        var tenant = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(tenant);
        var details = await tenant.GetDocumentAsync($"/repairs/{reference}");
        var timeline = details.QuerySelectorAll(".timeline li strong").Select(e => e.Text()).ToList();
        Assert.Equal("We have your report", timeline[0]);
        Assert.Equal(1, timeline.Count(t => t == "We have your report"));
        Assert.Contains(timeline, t => t.StartsWith("You told us about this on 6 November 2026 at 5:55pm", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("We inspected on 9 November 2026 at 2:00pm and found a significant hazard", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("We made your home safe on 10 November 2026", StringComparison.Ordinal));
        Assert.Contains("blocked air brick", details.QuerySelector("#written-summary").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_in_the_future_or_without_its_details_is_refused_with_messages_next_to_the_fields_and_in_the_summary_keeping_what_was_typed()
    {
        var client = await OfficerAsync();
        var reference = await DemoTenantsDampRepairAsync();

        var response = await PostAsync(client, reference, "investigation", new()
        {
            ["Investigation.Date"] = "2026-11-11",
            ["Investigation.Time"] = "09:00",
            ["Investigation.InvestigatedBy"] = "Sam Surveyor",
            ["Investigation.Outcome"] = "none",
        });
        var page = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter why there is no hazard"], page.ErrorSummary());
        Assert.Equal("Enter why there is no hazard", page.FieldError("Investigation_Findings"));

        var future = await (await PostAsync(client, reference, "investigation", new()
        {
            ["Investigation.Date"] = "2026-11-11",
            ["Investigation.Time"] = "09:00",
            ["Investigation.InvestigatedBy"] = "Sam Surveyor",
            ["Investigation.Outcome"] = "none",
            ["Investigation.Findings"] = "Condensation only",
        })).GetDocumentAsync();
        Assert.Equal(["The date and time must be now or in the past"], future.ErrorSummary());
        Assert.Equal("2026-11-11", ((AngleSharp.Html.Dom.IHtmlInputElement)future.QuerySelector("#Investigation_Date")!).Value);
        Assert.Equal("Sam Surveyor", ((AngleSharp.Html.Dom.IHtmlInputElement)future.QuerySelector("#Investigation_InvestigatedBy")!).Value);

        var beforeAware = await (await PostAsync(client, reference, "safety-work", new() { ["SafetyWork.Date"] = "", ["SafetyWork.Time"] = "25:00" })).GetDocumentAsync();
        Assert.Equal(["Enter the date", "Enter a time on the 24-hour clock, for example 14:30", "Enter what was done to make the home safe"], beforeAware.ErrorSummary());
        Assert.Null((await CaseAsync(reference))!.InvestigatedAt);
        Assert.Empty(await app.Factory.AuditAsync("Repair", reference));
    }

    [Fact]
    public async Task A_tenant_cannot_cancel_a_hazard_case_they_can_ask_and_the_officer_sees_the_request()
    {
        var reference = await DemoTenantsDampRepairAsync();
        var tenant = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(tenant);

        var details = await tenant.GetDocumentAsync($"/repairs/{reference}");
        Assert.Contains(details.QuerySelectorAll("a"), a => a.Text() == "Ask us to cancel this repair");
        var confirm = await tenant.GetDocumentAsync($"/repairs/{reference}/cancel");
        Assert.Contains("we cannot cancel it straight away", confirm.NormalisedText(), StringComparison.Ordinal);
        await tenant.FollowAsync(await tenant.SubmitFormAsync(confirm, new Dictionary<string, string>()));

        var repair = await app.Factory.RepairAsync(reference);
        Assert.Equal(RepairStatus.Reported, repair.Status);
        Assert.NotNull((await CaseAsync(reference))!.CancelRequestedAt);
        var officer = await OfficerAsync();
        Assert.Contains("The tenant asked to cancel", (await officer.GetDocumentAsync(Url(reference))).QuerySelector("#cancel-request").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tenant_sees_one_set_of_dates_on_a_hazard_repair()
    {
        var reference = await DemoTenantsDampRepairAsync();
        var tenant = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(tenant);

        var details = await tenant.GetDocumentAsync($"/repairs/{reference}");

        Assert.DoesNotContain("To be done by", details.NormalisedText(), StringComparison.Ordinal);
        Assert.Equal(["We will inspect by Monday 23 November 2026"], details.QuerySelectorAll("#hazard-steps li").Select(e => e.Text()));
        var list = await tenant.GetDocumentAsync("/repairs");
        var item = list.QuerySelectorAll("li.card").Single(e => e.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Equal("We will inspect by Monday 23 November 2026", item.QuerySelector(".hazard-next").Text());
        Assert.DoesNotContain("To be done by", item.NormalisedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_the_job_does_not_close_the_hazard_case_while_a_step_is_still_due_and_it_stays_on_the_dashboard()
    {
        var client = await OfficerAsync();
        var reference = await DemoTenantsDampRepairAsync();

        var repairPage = await client.GetDocumentAsync($"/admin/repairs/{reference}");
        await client.SubmitFormAsync(repairPage, new Dictionary<string, string> { ["CompleteForm.CompletionNotes"] = "Mould washed down", ["CompleteForm.NoteVisibility"] = "tenant" }, $"form[action='/admin/repairs/{reference}/complete']");

        Assert.Equal(RepairStatus.Completed, (await app.Factory.RepairAsync(reference)).Status);
        Assert.True((await CaseAsync(reference))!.IsOpen);
        var dashboard = await client.GetDocumentAsync("/admin");
        Assert.Contains(dashboard.QuerySelectorAll("#hazards a"), a => a.Text() == reference);
        // Investigation still possible after the job was completed.
        var investigated = await PostAsync(client, reference, "investigation", new()
        {
            ["Investigation.Date"] = "2026-11-10",
            ["Investigation.Time"] = "08:00",
            ["Investigation.InvestigatedBy"] = "Sam Surveyor",
            ["Investigation.Outcome"] = "none",
            ["Investigation.Findings"] = "Condensation only, advice given",
        });
        Assert.Equal(HttpStatusCode.Redirect, investigated.StatusCode);
    }

    [Fact]
    public async Task Declassifying_needs_a_reason_and_closes_the_case()
    {
        var client = await OfficerAsync();
        var reference = await DemoTenantsDampRepairAsync();

        var refused = await (await PostAsync(client, reference, "declassify", new() { ["Declassify.Reason"] = " " })).GetDocumentAsync();
        Assert.Equal(["Enter why this is not a hazard"], refused.ErrorSummary());

        var page = await client.FollowAsync(await PostAsync(client, reference, "declassify", new() { ["Declassify.Reason"] = "Stain from an old leak, dry, no mould" }));

        Assert.Equal("Not a hazard case: Stain from an old leak, dry, no mould", page.QuerySelector("#hazard-state").Text());
        var hazard = await CaseAsync(reference);
        Assert.False(hazard!.IsOpen);
        Assert.False((await app.Factory.RepairAsync(reference)).IsHazard);
        Assert.Equal("repair.hazard-declassified", Assert.Single(await app.Factory.AuditAsync("Repair", reference)).Action);
    }
}
