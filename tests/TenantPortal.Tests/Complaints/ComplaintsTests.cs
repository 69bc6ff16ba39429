using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Admin;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Features.Complaints;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Complaints;

/// <summary>Complaints through the real stack: the tenant's journey, the officer's acknowledgement, extension and
/// response, stage 2 on the tenant's request, complaints logged by officers, and each tenant seeing only their own.
/// The app's day is Tuesday 10 November 2026, so the Code's five working days to acknowledge end on Tuesday 17 November.</summary>
public sealed class ComplaintsTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    private RepairsApp App => fixture.App;

    private Task<string> DemoRepairAsync() =>
        App.WithHousingAsync(db => db.Repairs.AsNoTracking().Where(r => r.Tenancy!.Reference == DemoData.TenancyReference)
            .OrderBy(r => r.Id).Select(r => r.Reference).FirstAsync());

    /// <summary>Walks the tenant's three pages and sends the complaint; returns its reference and the page shown after.</summary>
    internal static async Task<(string Reference, AngleSharp.Html.Dom.IHtmlDocument Page)> ComplainAsync(HttpClient tenant, string? repair, string description)
    {
        var start = await tenant.GetAsync(new Uri(repair is null ? "/complaints/new" : $"/complaints/new?repair={repair}", UriKind.Relative));
        var about = await tenant.FollowAsync(start);
        var fields = new Dictionary<string, string> { ["Form.Topic"] = repair is null ? "Other" : "Repair" };
        if (repair is not null)
        {
            fields["Form.RepairReference"] = repair;
        }

        var details = await tenant.FollowAsync(await tenant.SubmitFormAsync(about, fields));
        var check = await tenant.FollowAsync(await tenant.SubmitFormAsync(details, new Dictionary<string, string> { ["Description"] = description, ["OutcomeWanted"] = "Fix it properly" }));
        var response = await tenant.SubmitFormAsync(check, new Dictionary<string, string>());
        var location = response.Headers.Location!.OriginalString;
        return (location[(location.LastIndexOf('/') + 1)..], await tenant.FollowAsync(response));
    }

    private async Task<HttpClient> OfficerAsync()
    {
        var client = App.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        return client;
    }

    internal static async Task<HttpResponseMessage> OfficerPostAsync(HttpClient officer, string reference, string action, Dictionary<string, string> fields)
    {
        var page = await officer.GetDocumentAsync($"/admin/complaints/{reference}");
        return await officer.SubmitFormAsync(page, fields, $"form[action='/admin/complaints/{reference}/{action}']");
    }

    private Task<Complaint> ComplaintAsync(string reference) =>
        App.WithHousingAsync(db => db.Complaints.AsNoTracking().Include(c => c.Stages).Include(c => c.Letters).SingleAsync(c => c.Reference == reference));

    [Fact]
    public async Task A_tenant_complains_about_a_repair_in_a_short_journey_and_is_told_the_Code_s_acknowledgement_date()
    {
        var repair = await DemoRepairAsync();
        var tenant = await App.SignedInAsync();

        var (reference, page) = await ComplainAsync(tenant, repair, "The plumber never came and nobody called me");

        Assert.StartsWith("CMP-", reference, StringComparison.Ordinal);
        Assert.Contains("Complaint sent", page.NormalisedText(), StringComparison.Ordinal);
        Assert.Equal("Tuesday 17 November 2026", page.QuerySelector("#acknowledge-by").Text());
        var complaint = await ComplaintAsync(reference);
        Assert.Equal((ComplaintChannel.Portal, ComplaintTopic.Repair, ComplaintStatus.AwaitingAcknowledgement), (complaint.Channel, complaint.Topic, complaint.Status));
        Assert.Equal(await App.WithHousingAsync(db => db.Repairs.Where(r => r.Reference == repair).Select(r => (int?)r.Id).SingleAsync()), complaint.RepairId);
        Assert.Equal(new DateOnly(2026, 11, 17), Assert.Single(complaint.Stages).AcknowledgeBy);
        Assert.Equal(ComplaintLetterKind.Received, Assert.Single(complaint.Letters).Kind);
        var email = await App.WithPortalAsync(db => db.EmailOutbox.AsNoTracking().SingleAsync(m => m.Subject.Contains(reference)));
        Assert.Equal(DemoSeeder.TenantEmail, email.To);
        Assert.Contains("Tuesday 17 November 2026", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_what_went_wrong_is_reported_next_to_the_field_and_in_the_summary()
    {
        var tenant = await App.SignedInAsync();
        var about = await tenant.FollowAsync(await tenant.GetAsync(new Uri("/complaints/new", UriKind.Relative)));
        var details = await tenant.FollowAsync(await tenant.SubmitFormAsync(about, new Dictionary<string, string> { ["Form.Topic"] = "Payment" }));

        var response = await tenant.SubmitFormAsync(details, new Dictionary<string, string> { ["Description"] = " ", ["OutcomeWanted"] = "A refund" });

        var page = await response.GetDocumentAsync();
        Assert.Equal(["Enter what went wrong"], page.ErrorSummary());
        Assert.Equal("Enter what went wrong", page.FieldError("Description"));
        Assert.Equal("A refund", page.QuerySelector("#OutcomeWanted")!.TextContent);
    }

    [Fact]
    public async Task Officer_acknowledges_and_responds_the_tenant_escalates_and_the_stage_2_response_ends_the_procedure_with_the_Ombudsman_s_details()
    {
        var tenant = await App.SignedInAsync();
        var (reference, _) = await ComplainAsync(tenant, null, "You charged me twice for the garage");
        var officer = await OfficerAsync();

        var queue = await officer.GetDocumentAsync("/admin/complaints");
        Assert.NotNull(queue.QuerySelector($"#open-complaints a[href='/admin/complaints/{reference}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await OfficerPostAsync(officer, reference, "acknowledge", new() { ["AcknowledgeForm.Note"] = "You were charged twice for the garage in October" })).StatusCode);
        var acknowledged = await tenant.GetDocumentAsync($"/complaints/{reference}");
        Assert.Equal("Tuesday 24 November 2026", acknowledged.QuerySelector("#respond-by").Text()); // 10 working days after Tuesday 10 November

        await OfficerPostAsync(officer, reference, "respond", new() { ["RespondForm.Decision"] = "We agree. We have refunded the second charge." });
        var answered = await tenant.GetDocumentAsync($"/complaints/{reference}");
        Assert.Contains("We agree. We have refunded the second charge.", answered.QuerySelector("#complaint-timeline").Text(), StringComparison.Ordinal);
        Assert.Contains(HousingOmbudsman.Phone, answered.QuerySelector("#complaint-timeline").Text(), StringComparison.Ordinal);

        var escalate = await tenant.GetDocumentAsync($"/complaints/{reference}/escalate");
        var escalated = await tenant.FollowAsync(await tenant.SubmitFormAsync(escalate, new Dictionary<string, string> { ["Reason"] = "The refund never arrived" }));
        Assert.Equal("You asked us to look again", escalated.QuerySelector("#complaint-status").Text());
        await OfficerPostAsync(officer, reference, "acknowledge", new());
        await OfficerPostAsync(officer, reference, "respond", new() { ["RespondForm.Decision"] = "The refund is paid today, with £25 for the trouble." });

        var final = await tenant.GetDocumentAsync($"/complaints/{reference}");
        Assert.Equal("We have sent our final reply", final.QuerySelector("#complaint-status").Text());
        Assert.Null(final.QuerySelector($"a[href='/complaints/{reference}/escalate']"));
        var complaint = await ComplaintAsync(reference);
        Assert.Equal([1, 2], complaint.Stages.Select(s => s.Stage).Order());
        Assert.Equal(new DateOnly(2026, 12, 8), complaint.Stages.Single(s => s.Stage == 2).RespondBy); // 20 working days
        Assert.Equal(2, complaint.Letters.Count(l => l.Kind == ComplaintLetterKind.Response && l.Body.Contains(HousingOmbudsman.Phone, StringComparison.Ordinal)));
        var audit = await App.Factory.AuditAsync("Complaint", reference);
        Assert.Equal(["complaint.acknowledged", "complaint.acknowledged", "complaint.responded", "complaint.responded"], audit.Select(a => a.Action).Order());
        Assert.All(audit, a => Assert.Equal("Dana Officer", a.ActorName));
    }

    [Fact]
    public async Task An_extension_is_told_to_the_tenant_with_its_reason_and_cannot_go_beyond_the_Code_s_10_working_days()
    {
        var tenant = await App.SignedInAsync();
        var (reference, _) = await ComplainAsync(tenant, null, "Nobody answers the phone");
        var officer = await OfficerAsync();
        await OfficerPostAsync(officer, reference, "acknowledge", new());

        var tooLong = await OfficerPostAsync(officer, reference, "extend", new() { ["ExtendForm.Days"] = "11", ["ExtendForm.Reason"] = "We need the call records" });
        var error = (await tooLong.GetDocumentAsync()).ErrorSummary();
        await OfficerPostAsync(officer, reference, "extend", new() { ["ExtendForm.Days"] = "10", ["ExtendForm.Reason"] = "We need the call records from our supplier" });

        Assert.Equal(["Enter 10 working days or fewer: the Code allows at most 10 at stage 1"], error);
        var stage = Assert.Single((await ComplaintAsync(reference)).Stages);
        Assert.Equal((10, new DateOnly(2026, 12, 8)), (stage.ExtensionDays, stage.RespondBy));
        var page = await tenant.GetDocumentAsync($"/complaints/{reference}");
        Assert.Equal("Tuesday 8 December 2026", page.QuerySelector("#respond-by").Text());
        Assert.Contains("We need the call records from our supplier", page.QuerySelector("#complaint-timeline").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_logs_a_complaint_made_by_phone_and_the_Code_s_clock_starts_on_the_day_it_was_made()
    {
        var officer = await OfficerAsync();
        var form = await officer.GetDocumentAsync("/admin/complaints/log");

        var response = await officer.SubmitFormAsync(form, new Dictionary<string, string>
        {
            ["TenancyReference"] = DemoData.SecondTenancyReference,
            ["Channel"] = "Phone",
            ["MadeOn"] = "2026-11-06",
            ["Topic"] = "Other",
            ["Description"] = "Caller unhappy that the communal door has been broken for a month",
        });

        var page = await officer.FollowAsync(response);
        var reference = page.QuerySelector("h1")!.TextContent.Split(' ')[1];
        var complaint = await ComplaintAsync(reference);
        Assert.Equal((ComplaintChannel.Phone, new DateOnly(2026, 11, 6)), (complaint.Channel, UkTime.DateOf(complaint.ReceivedAt)));
        Assert.Equal(new DateOnly(2026, 11, 13), Assert.Single(complaint.Stages).AcknowledgeBy); // Friday 6 November + 5 working days
        Assert.Equal("complaint.logged", Assert.Single(await App.Factory.AuditAsync("Complaint", reference)).Action);
        var grace = await App.SignedInAsync(RepairsApp.SecondTenantEmail);
        Assert.Contains(reference, (await grace.GetDocumentAsync("/complaints")).NormalisedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_in_the_future_and_an_unknown_tenancy_are_refused_in_field_order()
    {
        var officer = await OfficerAsync();
        var form = await officer.GetDocumentAsync("/admin/complaints/log");

        var response = await officer.SubmitFormAsync(form, new Dictionary<string, string>
        {
            ["TenancyReference"] = "NOPE-9999",
            ["Channel"] = "Letter",
            ["MadeOn"] = "2026-11-11",
            ["Topic"] = "Other",
            ["Description"] = "Letter about noise",
        });

        var page = await response.GetDocumentAsync();
        Assert.Equal(["No tenancy has that reference", "The date the complaint was made must be today or in the past"], page.ErrorSummary());
        Assert.Equal("Letter about noise", page.QuerySelector("#Description")!.TextContent);
    }

    [Fact]
    public async Task A_tenant_sees_only_their_own_complaints()
    {
        var grace = await App.SignedInAsync(RepairsApp.SecondTenantEmail);
        var (reference, _) = await ComplainAsync(grace, null, "Grace's own complaint about the bins");
        var alex = await App.SignedInAsync();

        var list = await alex.GetDocumentAsync("/complaints");
        var page = await alex.GetAsync(new Uri($"/complaints/{reference}", UriKind.Relative));
        var escalate = await alex.GetAsync(new Uri($"/complaints/{reference}/escalate", UriKind.Relative));

        Assert.DoesNotContain(reference, list.NormalisedText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, escalate.StatusCode);
        Assert.Contains(reference, (await grace.GetDocumentAsync("/complaints")).NormalisedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complaints_are_linked_from_the_footer_and_a_repair_cannot_be_borrowed_from_another_tenancy()
    {
        var graceRepair = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().Where(r => r.Tenancy!.Reference == DemoData.SecondTenancyReference).Select(r => r.Reference).FirstAsync());
        var alex = await App.SignedInAsync();

        var about = await alex.FollowAsync(await alex.GetAsync(new Uri($"/complaints/new?repair={graceRepair}", UriKind.Relative)));

        Assert.NotNull(about.QuerySelector("footer a[href='/complaints']"));
        Assert.Null(about.QuerySelector("input[name='Form.Topic'][checked]"));
        Assert.DoesNotContain(graceRepair, about.NormalisedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_turns_a_tenant_s_feedback_comment_into_a_complaint_from_the_repair()
    {
        var repair = await App.WithHousingAsync(async db =>
        {
            var r = await db.Repairs.Where(x => x.Tenancy!.Reference == DemoData.TenancyReference && x.Status == RepairStatus.Completed && x.Feedback == null).OrderBy(x => x.Id).FirstAsync();
            db.RepairFeedback.Add(new RepairFeedback { RepairId = r.Id, RepairRating = 1, TimeRating = 1, Comment = "Left a mess and the leak is back", At = App.Factory.UtcNow });
            await db.SaveChangesAsync();
            return r.Reference;
        });
        var officer = await OfficerAsync();
        var repairPage = await officer.GetDocumentAsync($"/admin/repairs/{repair}");
        var link = repairPage.QuerySelector($"a[href='/admin/complaints/log?repair={repair}']");
        Assert.NotNull(link);

        var form = await officer.GetDocumentAsync(link.GetAttribute("href")!);
        var prefilled = new Dictionary<string, string>
        {
            ["TenancyReference"] = form.QuerySelector("#TenancyReference")!.GetAttribute("value")!,
            ["Topic"] = form.QuerySelector("input[name=Topic][checked]")!.GetAttribute("value")!,
            ["RepairReference"] = form.QuerySelector("#RepairReference")!.GetAttribute("value")!,
            ["Description"] = form.QuerySelector("#Description")!.TextContent,
            ["MadeOn"] = form.QuerySelector("#MadeOn")!.GetAttribute("value")!,
        };
        Assert.Equal((DemoData.TenancyReference, "Repair", repair, "2026-11-10"), (prefilled["TenancyReference"], prefilled["Topic"], prefilled["RepairReference"], prefilled["MadeOn"]));
        var page = await officer.FollowAsync(await officer.SubmitFormAsync(form, new Dictionary<string, string>(prefilled) { ["Channel"] = "Phone" }));

        var reference = page.QuerySelector("h1")!.TextContent.Split(' ')[1];
        var complaint = await ComplaintAsync(reference);
        Assert.Equal((ComplaintTopic.Repair, "Left a mess and the leak is back"), (complaint.Topic, complaint.Description));
        Assert.Equal(await App.WithHousingAsync(db => db.Repairs.Where(r => r.Reference == repair).Select(r => (int?)r.Id).SingleAsync()), complaint.RepairId);
    }
}
