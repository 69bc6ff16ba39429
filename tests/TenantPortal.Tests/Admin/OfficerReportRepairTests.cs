using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Admin;

/// <summary>The officer's report-a-repair runs the tenant's steps with wording for an officer taking a call, and lets
/// the officer set the job's priority with a reason on the check page (audited); tenants can't.</summary>
public sealed class OfficerReportRepairTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private static readonly string Base = OfficerReportJourney.Base;

    [Fact]
    public async Task The_officers_problem_question_asks_about_the_tenants_problem_with_the_item_as_a_caption()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        ReportJourney.Expect(await client.SubmitFormAsync(Base, new Dictionary<string, string> { ["channel"] = nameof(RepairChannel.Phone) }), $"{Base}/where");
        await client.ChooseAsync($"{Base}/where", "Bedroom");
        await client.ChooseAsync($"{Base}/what", "Damp or mould");

        var page = await client.GetDocumentAsync($"{Base}/problem");

        Assert.Equal("What best describes the problem the tenant has?", page.QuerySelector("legend h1")!.TextContent.Trim());
        Assert.Equal("Damp or mould", page.QuerySelector("legend .caption")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_officers_pages_speak_to_an_officer_taking_a_call_about_the_tenant_not_to_the_tenant()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);

        var start = await client.GetDocumentAsync(Base);
        await OfficerReportJourney.ToCheckPageAsync(client, RepairChannel.Phone, "Officer wording: tap drips");
        var access = await client.GetDocumentAsync($"{Base}/access?change=true");
        var check = await client.GetDocumentAsync($"{Base}/check");
        var confirmation = await client.FollowAsync(await client.SubmitFormAsync(check, new Dictionary<string, string>()));

        var startText = start.NormalisedText();
        Assert.Contains("If the caller describes an emergency, don't report it here", startText, StringComparison.Ordinal);
        Assert.DoesNotContain("Is it an emergency? Call us", startText, StringComparison.Ordinal);
        Assert.DoesNotContain("See your repairs", startText, StringComparison.Ordinal);
        Assert.Equal("/admin/repairs", Link(start, "Back to the repairs queue"));
        Assert.Equal("Getting into the tenant's home", access.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"{Base}/check", access.QuerySelector(".back-link")!.GetAttribute("href"));
        Assert.Equal("Check the answers before reporting the repair for the tenant", check.QuerySelector("h1")!.TextContent.Trim());
        var confirmationText = confirmation.NormalisedText();
        Assert.Contains("The reference is", confirmationText, StringComparison.Ordinal);
        Assert.DoesNotContain("You can change", confirmationText, StringComparison.Ordinal);
        Assert.DoesNotContain("Your repairs", confirmationText, StringComparison.Ordinal);
        Assert.Equal("/admin/repairs", Link(confirmation, "Back to the repairs queue"));
    }

    [Fact]
    public async Task An_officer_sets_a_higher_priority_with_a_reason_and_the_job_takes_it_with_its_target_date_and_an_audit_entry()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        await OfficerReportJourney.ToCheckPageAsync(client, RepairChannel.Phone, "Officer priority: leak over the fuse box");
        var check = await client.GetDocumentAsync($"{Base}/check");
        var usual = Enum.Parse<RepairPriority>(check.QuerySelector("input[name=Priority][checked]")!.GetAttribute("value")!);

        var confirmation = await client.FollowAsync(await client.SubmitFormAsync(check, new Dictionary<string, string>
        {
            ["Priority"] = nameof(RepairPriority.Emergency),
            ["PriorityReason"] = "Water is dripping onto the fuse box",
        }));

        var reference = confirmation.QuerySelector(".panel strong")!.TextContent.Trim();
        var repair = await app.Factory.HousingAsync(db => db.Repairs.AsNoTracking().SingleAsync(r => r.Reference == reference));
        var targets = app.Factory.Services.GetRequiredService<RepairTargets>();
        Assert.Equal(RepairPriority.Routine, usual);
        Assert.Equal(RepairPriority.Emergency, repair.Priority);
        Assert.Equal(targets.TargetDate(RepairPriority.Emergency, repair.HazardType, repair.ReportedAt), repair.TargetDate);
        var audit = (await app.Factory.AuditAsync("Repair", reference)).Single(a => a.Action == "repair.priority-set-on-report");
        Assert.Equal("Dana Officer", audit.ActorName);
        Assert.Contains("\"Priority\":\"Routine\"", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"Priority\":\"Emergency\"", audit.After, StringComparison.Ordinal);
        Assert.Contains("Water is dripping onto the fuse box", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_different_priority_without_a_reason_is_refused_next_to_the_field_keeping_the_choice_and_reports_nothing()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        await OfficerReportJourney.ToCheckPageAsync(client, RepairChannel.Officer, "Officer priority without a reason");

        var response = await client.SubmitFormAsync($"{Base}/check", new Dictionary<string, string> { ["Priority"] = nameof(RepairPriority.Urgent), ["PriorityReason"] = " " });

        var page = await response.GetDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter why you are setting a different priority"], page.ErrorSummary());
        Assert.NotNull(page.QuerySelector("#PriorityReason-error"));
        Assert.Equal(nameof(RepairPriority.Urgent), page.QuerySelector("input[name=Priority][checked]")!.GetAttribute("value"));
        Assert.False(await app.Factory.HousingAsync(db => db.Repairs.AnyAsync(r => r.Description == "Officer priority without a reason")));
    }

    [Fact]
    public async Task A_tenants_check_page_offers_no_priority_and_a_posted_priority_is_ignored()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);
        await ReportJourney.ToCheckPageAsync(client, "Tenant tries to set the priority");
        var check = await client.GetDocumentAsync("/repairs/report/check");

        var confirmation = await client.FollowAsync(await client.SubmitFormAsync(check, new Dictionary<string, string>
        {
            ["Priority"] = nameof(RepairPriority.Emergency),
            ["PriorityReason"] = "Please come today",
        }));

        var reference = confirmation.QuerySelector(".panel strong")!.TextContent.Trim();
        var repair = await app.Factory.HousingAsync(db => db.Repairs.AsNoTracking().Include(r => r.CatalogueItem).SingleAsync(r => r.Reference == reference));
        Assert.Null(check.QuerySelector("input[name=Priority]"));
        Assert.Equal(repair.CatalogueItem.Priority, repair.Priority);
        Assert.DoesNotContain(await app.Factory.AuditAsync("Repair", reference), a => a.Action == "repair.priority-set-on-report");
    }

    private static string? Link(AngleSharp.Html.Dom.IHtmlDocument page, string text) =>
        page.QuerySelectorAll("main a").FirstOrDefault(a => a.TextContent.Trim() == text)?.GetAttribute("href");
}
