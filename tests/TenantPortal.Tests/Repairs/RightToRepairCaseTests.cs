using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Admin;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Texts;

namespace TenantPortal.Tests.Repairs;

/// <summary>Test data for the Right to Repair: a new qualifying repair (a blocked sink: "Blocked sink, bath or basin: 3"
/// working days in the Schedule) on a tenancy, reported at a given time, and the officer's contractor page.</summary>
internal static class RightToRepairData
{
    public const string FirstContractor = "Northgate Plumbing and Heating Ltd";
    public const string SecondContractor = "Second Response Repairs Ltd";

    public static string Url(string reference) => $"/admin/repairs/{reference}/contractor";

    public static Task<string> NewSinkRepairAsync(RepairsApp app, DateTime reportedAtUtc, string tenancy = DemoData.TenancyReference) =>
        app.WithHousingAsync(async db =>
        {
            var t = await db.Tenancies.AsNoTracking().Where(x => x.Reference == tenancy).Select(x => new { x.Id, x.PropertyId }).SingleAsync();
            var sink = await db.RepairCatalogue.AsNoTracking().SingleAsync(i => i.Area == "Kitchen" && i.Item == "Sink" && i.Problem == "Blocked or slow to drain");
            var repair = new Repair
            {
                Reference = $"RR-{Guid.NewGuid():N}"[..12].ToUpperInvariant(),
                PropertyId = t.PropertyId,
                TenancyId = t.Id,
                CatalogueItemId = sink.Id,
                Trade = sink.Trade,
                Priority = sink.Priority,
                Description = "The kitchen sink won't drain",
                Location = "Kitchen",
                Status = RepairStatus.Reported,
                ReportedAt = reportedAtUtc,
                TargetDate = DateOnly.FromDateTime(reportedAtUtc).AddDays(5),
                Channel = RepairChannel.Phone,
            };
            repair.History.Add(new RepairStatusChange { Status = RepairStatus.Reported, At = reportedAtUtc, ChangedBy = "Contact centre", Channel = RepairChannel.Phone });
            db.Repairs.Add(repair);
            await db.SaveChangesAsync();
            return repair.Reference;
        });

    public static Task<int> ContractorIdAsync(RepairsApp app, string name) =>
        app.WithHousingAsync(db => db.Contractors.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    public static async Task<HttpClient> OfficerAsync(RepairsApp app)
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        return client;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient officer, string reference, string action, Dictionary<string, string> fields)
    {
        var page = await officer.GetDocumentAsync(Url(reference));
        return await officer.SubmitFormAsync(page, fields, $"form[action$='/contractor/{action}']");
    }

    public static async Task AssignAsync(RepairsApp app, HttpClient officer, string reference, string contractor)
    {
        var id = await ContractorIdAsync(app, contractor);
        await officer.FollowAsync(await PostAsync(officer, reference, "assign", new() { ["Assign.ContractorId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    public static Task<RightToRepairCase?> CaseAsync(RepairsApp app, string reference) =>
        app.WithPortalAsync(async db =>
        {
            var repairId = await app.WithHousingAsync(h => h.Repairs.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());
            return await db.RightToRepairCases.AsNoTracking().Include(c => c.Notices).SingleOrDefaultAsync(c => c.RepairId == repairId);
        });

    public static Task CompleteAsync(RepairsApp app, string reference, DateTime completedAtUtc) =>
        app.WithHousingAsync(db => db.Repairs.Where(r => r.Reference == reference).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RepairStatus.Completed).SetProperty(r => r.CompletedAt, completedAtUtc)));

    public static string Text(IHtmlDocument page, string selector) => RightToRepairPageTests.Normalise(page.QuerySelector(selector)?.TextContent ?? "");
}

/// <summary>The Right to Repair for a council landlord (Secure Tenants of Local Housing Authorities (Right to Repair)
/// Regulations 1994): the contractor on the repair, the repair notice, the tenant's request for a second contractor, the
/// further works order and the compensation, through the app. The app's clock is Tuesday 10 November 2026 10:00 (GMT).</summary>
public sealed class RightToRepairCaseTests(CouncilAppFixture council) : IClassFixture<CouncilAppFixture>
{
    private RepairsApp App => council.App;

    private static DateTime Utc(int month, int day) => new(2026, month, day, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task An_officer_assigns_the_contractor_and_the_tenant_is_sent_and_shown_a_repair_notice_naming_them_with_the_last_day_and_their_rights()
    {
        // Reported Monday 9 November; "Blocked sink, bath or basin: 3" working days from the next working day -> Thursday 12 November.
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(11, 9));
        var officer = await RightToRepairData.OfficerAsync(App);

        await RightToRepairData.AssignAsync(App, officer, reference, RightToRepairData.FirstContractor);

        var repair = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().Include(r => r.Contractor).SingleAsync(r => r.Reference == reference));
        Assert.Equal(RightToRepairData.FirstContractor, repair.Contractor!.Name);
        var notice = Assert.Single((await RightToRepairData.CaseAsync(App, reference))!.Notices);
        Assert.Equal((1, new DateOnly(2026, 11, 12)), (notice.WorksOrder, notice.LastDay));
        // Regulation 5 and the Schedule: the repair, the contractor's name, address and phone, the last day, the tenant's rights.
        Assert.Contains("The repair: Blocked sink, bath or basin (Sink: blocked or slow to drain)", notice.Text, StringComparison.Ordinal);
        Assert.Contains($"{RightToRepairData.FirstContractor}\nUnit 4, Canal Works", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Phone: 01632 960 101", notice.Text, StringComparison.Ordinal);
        Assert.Contains("The last day: Thursday 12 November 2026. The contractor must do the repair within 3 working days", notice.Text, StringComparison.Ordinal);
        Assert.Contains("we will send a different contractor", notice.Text, StringComparison.Ordinal);
        Assert.Contains("£10, plus £2 for every day it is still not done, up to £50", notice.Text, StringComparison.Ordinal);
        Assert.Equal("repair.contractor-assigned", Assert.Single(await App.Factory.AuditAsync("Repair", reference)).Action);

        // Sent through the notifications module, the way the tenant asked (the demo tenant: email), and kept on the repair page.
        var sent = await App.WithPortalAsync(db => db.EmailOutbox.AsNoTracking().Where(m => m.Subject == $"Repair {reference}: your repair notice (Right to Repair)").ToListAsync());
        Assert.NotEmpty(sent);
        // The lead tenant asked for emails (the whole notice), the joint tenant for texts (who, by when, and the link).
        Assert.Contains(sent, m => m.Channel == MessageChannel.Email && m.Body.Contains("Phone: 01632 960 101", StringComparison.Ordinal) && m.Body.Contains("Thursday 12 November 2026", StringComparison.Ordinal));
        var text = Assert.Single(sent, m => m.Channel == MessageChannel.Text);
        Assert.Contains($"{RightToRepairData.FirstContractor} will do it by 12 Nov", text.Body, StringComparison.Ordinal);
        Assert.True(SmsLength.Fragments(text.Body) <= SmsLength.MaxFragments, text.Body);
        var tenant = await App.SignedInAsync();
        var tenantPage = await tenant.GetDocumentAsync($"/repairs/{reference}");
        Assert.Contains(RightToRepairData.FirstContractor, RightToRepairData.Text(tenantPage, "#repair-notice"), StringComparison.Ordinal);
        Assert.Contains($"We sent you a repair notice: {RightToRepairData.FirstContractor} will do this repair by Thursday 12 November 2026.", tenantPage.NormalisedText(), StringComparison.Ordinal);
        var officerPage = await officer.GetDocumentAsync($"/admin/repairs/{reference}");
        Assert.Contains(RightToRepairData.FirstContractor, RightToRepairData.Text(officerPage, "#repair-contractor"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_qualifying_repair_reported_gets_its_trades_default_contractor_and_the_repair_notice_at_once()
    {
        var tenancy = await App.WithHousingAsync(db => db.Tenants.Where(t => t.Email == DemoSeeder.TenantEmail).Select(t => new { t.TenancyId, t.Id }).SingleAsync());
        var sink = await App.WithHousingAsync(db => db.RepairCatalogue.Where(i => i.Area == "Kitchen" && i.Item == "Sink" && i.Problem == "Blocked or slow to drain").Select(i => i.Id).SingleAsync());
        using var scope = App.Factory.Services.CreateScope();
        var draft = new RepairDraft { TenancyId = tenancy.TenancyId, ReportedByTenantId = tenancy.Id, Area = "Kitchen", CatalogueItemId = sink, Description = "Sink blocked, reported online", WhoWillBeHome = "Me", CallToArrange = true };

        var result = await scope.ServiceProvider.GetRequiredService<RepairReporting>().SubmitAsync(draft, RepairChannel.Portal, new RepairActor("Alex", tenancy.Id));

        Assert.Equal(SubmitStatus.Created, result.Status);
        var notice = Assert.Single((await RightToRepairData.CaseAsync(App, result.Reference!))!.Notices);
        // Reported Tuesday 10 November: the last day is Friday 13 November.
        Assert.Equal((RightToRepairData.FirstContractor, new DateOnly(2026, 11, 13)), (notice.ContractorName, notice.LastDay));
    }

    [Fact]
    public async Task The_period_ends_at_the_end_of_its_last_working_day_so_a_second_contractor_can_be_asked_for_only_from_the_day_after()
    {
        // Reported Thursday 5 November: Friday 6, Monday 9, Tuesday 10 November (today) is the last day: not missed.
        var lastDayToday = await RightToRepairData.NewSinkRepairAsync(App, Utc(11, 5));
        // Reported Wednesday 4 November: the last day was Monday 9 November: missed today.
        var missed = await RightToRepairData.NewSinkRepairAsync(App, Utc(11, 4));
        var tenant = await App.SignedInAsync();

        var onTime = await tenant.GetDocumentAsync($"/repairs/{lastDayToday}");
        Assert.Contains("We must do it within 3 working days: by Tuesday 10 November 2026.", RightToRepairData.Text(onTime, "#right-to-repair"), StringComparison.Ordinal);
        Assert.Null(onTime.QuerySelector("#ask-second-contractor"));
        // The page offers no form before the period ends; any page with a form gives this user's token.
        var token = await tenant.AntiforgeryTokenAsync("/account/change-password");
        using var post = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var refused = await tenant.FollowAsync(await tenant.PostAsync(new Uri($"/repairs/{lastDayToday}/second-contractor", UriKind.Relative), post));
        Assert.Contains("A second contractor can be asked for only after the last day of the period, Tuesday 10 November 2026", RightToRepairData.Text(refused, "#right-to-repair-message"), StringComparison.Ordinal);

        var late = await tenant.GetDocumentAsync($"/repairs/{missed}");
        Assert.Contains("We did not do it by Monday 9 November 2026. You can ask us to send a different contractor.", RightToRepairData.Text(late, "#right-to-repair"), StringComparison.Ordinal);
        Assert.NotNull(late.QuerySelector("#ask-second-contractor"));
        Assert.Null((await RightToRepairData.CaseAsync(App, lastDayToday))?.SecondContractorRequestedOn);
    }

    [Fact]
    public async Task The_tenant_asks_online_for_a_second_contractor_and_the_officer_issues_a_further_works_order_to_another_contractor_with_a_new_period_and_notice()
    {
        // Reported Monday 2 November: the first period (3 working days) ended on Thursday 5 November.
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(11, 2));
        var officer = await RightToRepairData.OfficerAsync(App);
        await RightToRepairData.AssignAsync(App, officer, reference, RightToRepairData.FirstContractor);
        var tenant = await App.SignedInAsync();

        var asked = await tenant.FollowAsync(await tenant.SubmitFormAsync($"/repairs/{reference}", new Dictionary<string, string>(), "form[action$='/second-contractor']"));

        // A new period of the same length from the first working day after the request (Tuesday 10 November): Friday 13 November.
        Assert.Contains("We have your request", RightToRepairData.Text(asked, "#right-to-repair-message"), StringComparison.Ordinal);
        Assert.Contains("You asked us for a different contractor on Tuesday 10 November 2026. They must do the repair by Friday 13 November 2026.", RightToRepairData.Text(asked, "#second-contractor"), StringComparison.Ordinal);
        var c = await RightToRepairData.CaseAsync(App, reference);
        Assert.Equal((new DateOnly(2026, 11, 10), true), (c!.SecondContractorRequestedOn, c.SecondContractorRequestedOnline));

        // The further works order must go to another contractor.
        var first = await RightToRepairData.ContractorIdAsync(App, RightToRepairData.FirstContractor);
        var same = await officer.GetDocumentAsync(Url(reference));
        Assert.DoesNotContain(same.QuerySelectorAll("#FurtherOrder_ContractorId option"), o => o.GetAttribute("value") == $"{first}");
        var second = await RightToRepairData.ContractorIdAsync(App, RightToRepairData.SecondContractor);
        var issued = await officer.FollowAsync(await RightToRepairData.PostAsync(officer, reference, "further-works-order", new() { ["FurtherOrder.ContractorId"] = $"{second}" }));

        Assert.Contains("Further works order issued", RightToRepairData.Text(issued, "#contractor-message"), StringComparison.Ordinal);
        var notices = (await RightToRepairData.CaseAsync(App, reference))!.Notices.OrderBy(n => n.WorksOrder).ToList();
        Assert.Equal([(1, RightToRepairData.FirstContractor, new DateOnly(2026, 11, 5)), (2, RightToRepairData.SecondContractor, new DateOnly(2026, 11, 13))],
            notices.Select(n => (n.WorksOrder, n.ContractorName, n.LastDay)).ToList());
        Assert.Contains("Further works order: the first contractor did not do the repair in time", notices[1].Text, StringComparison.Ordinal);
        Assert.Equal(["repair.contractor-assigned", "repair.r2r-second-contractor-requested", "repair.r2r-further-works-order"],
            (await App.Factory.AuditAsync("Repair", reference)).Select(a => a.Action).ToList());
        var tenantPage = await tenant.GetDocumentAsync($"/repairs/{reference}");
        Assert.Contains(RightToRepairData.SecondContractor, RightToRepairData.Text(tenantPage, "#repair-notice"), StringComparison.Ordinal);
    }

    private static string Url(string reference) => RightToRepairData.Url(reference);

    [Fact]
    public async Task The_officer_is_told_next_to_the_field_to_choose_a_contractor_and_that_the_further_works_order_needs_a_different_one()
    {
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(10, 26));
        var officer = await RightToRepairData.OfficerAsync(App);

        var none = await (await RightToRepairData.PostAsync(officer, reference, "assign", new() { ["Assign.ContractorId"] = "" })).GetDocumentAsync();
        Assert.Contains("Select a contractor", RightToRepairData.Text(none, "#Assign_ContractorId-error"), StringComparison.Ordinal);
        Assert.Contains("Select a contractor", RightToRepairData.Text(none, ".error-summary"), StringComparison.Ordinal);

        await RightToRepairData.AssignAsync(App, officer, reference, RightToRepairData.FirstContractor);
        await officer.FollowAsync(await RightToRepairData.PostAsync(officer, reference, "second-contractor-request", new() { ["Request.ReceivedOn"] = "2026-11-04" }));
        var first = await RightToRepairData.ContractorIdAsync(App, RightToRepairData.FirstContractor);
        var same = await (await RightToRepairData.PostAsync(officer, reference, "further-works-order", new() { ["FurtherOrder.ContractorId"] = $"{first}" })).GetDocumentAsync();

        Assert.Contains("Select a different contractor from the first one", RightToRepairData.Text(same, "#FurtherOrder_ContractorId-error"), StringComparison.Ordinal);
        Assert.Single((await RightToRepairData.CaseAsync(App, reference))!.Notices);
    }

    [Fact]
    public async Task An_officer_records_a_phoned_request_for_a_second_contractor_with_the_day_it_was_received_but_not_before_the_period_ended()
    {
        // Reported Monday 26 October: the first period ended on Thursday 29 October.
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(10, 26));
        var officer = await RightToRepairData.OfficerAsync(App);

        var early = await (await RightToRepairData.PostAsync(officer, reference, "second-contractor-request", new() { ["Request.ReceivedOn"] = "2026-10-29" })).GetDocumentAsync();

        Assert.Contains("A second contractor can be asked for only after the last day of the period, Thursday 29 October 2026", RightToRepairData.Text(early, "#Request_ReceivedOn-error"), StringComparison.Ordinal);
        Assert.Equal("2026-10-29", (early.QuerySelector("#Request_ReceivedOn") as IHtmlInputElement)!.Value);
        Assert.Contains("A second contractor can be asked for only after", RightToRepairData.Text(early, ".error-summary"), StringComparison.Ordinal);

        // Phoned on Wednesday 4 November: Thursday 5, Friday 6, Monday 9 November is the second period's last day.
        var recorded = await officer.FollowAsync(await RightToRepairData.PostAsync(officer, reference, "second-contractor-request", new() { ["Request.ReceivedOn"] = "2026-11-04" }));
        Assert.Contains("Asked for on Wednesday 4 November 2026 (recorded by an officer). Last day Monday 9 November 2026", RightToRepairData.Text(recorded, "#r2r-request"), StringComparison.Ordinal);
        Assert.False((await RightToRepairData.CaseAsync(App, reference))!.SecondContractorRequestedOnline);
    }

    [Fact]
    public async Task Compensation_is_10_pounds_plus_2_pounds_a_day_so_12_pounds_one_day_after_the_second_period_and_is_credited_to_the_rent_account_once()
    {
        // Reported Monday 26 October; asked (by phone) on Wednesday 4 November: the second period ended Monday 9 November.
        // "compensation of £10, plus £2 per day for every day that the repair remains outstanding, up to a maximum
        // payment of £50" (HC Deb 31 January 1994, written answer): one day outstanding, Tuesday 10 November, is £12.
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(10, 26));
        var officer = await RightToRepairData.OfficerAsync(App);
        await officer.FollowAsync(await RightToRepairData.PostAsync(officer, reference, "second-contractor-request", new() { ["Request.ReceivedOn"] = "2026-11-04" }));

        var open = await officer.GetDocumentAsync(Url(reference));
        Assert.Contains("£12.00 due", RightToRepairData.Text(open, "#r2r-compensation"), StringComparison.Ordinal);
        Assert.Null(open.QuerySelector("form[action$='/contractor/compensation']")); // still growing while the repair is outstanding
        var tenant = await App.SignedInAsync();
        Assert.Contains("so we owe you £12.00 compensation", RightToRepairData.Text(await tenant.GetDocumentAsync($"/repairs/{reference}"), "#compensation"), StringComparison.Ordinal);

        await RightToRepairData.CompleteAsync(App, reference, Utc(11, 10));
        var tenancyId = await App.TenancyIdAsync(DemoData.TenancyReference);
        var balanceBefore = await App.WithHousingAsync(db => db.Tenancies.Where(t => t.Id == tenancyId).Select(t => t.Balance).SingleAsync());
        var payPage = await officer.GetDocumentAsync(Url(reference));
        var fields = new Dictionary<string, string> { ["Compensation.Method"] = nameof(CompensationMethod.RentAccount) };
        var paid = await officer.FollowAsync(await officer.SubmitFormAsync(payPage, fields, "form[action$='/contractor/compensation']"));
        await officer.SubmitFormAsync(payPage, fields, "form[action$='/contractor/compensation']"); // the same form again (a second click)

        Assert.Contains("Compensation paid", RightToRepairData.Text(paid, "#contractor-message"), StringComparison.Ordinal);
        var repairId = await App.WithHousingAsync(db => db.Repairs.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());
        var providerReference = RightToRepairCases.CompensationProviderReference(repairId);
        var credit = Assert.Single(await App.WithHousingAsync(db => db.RentTransactions.AsNoTracking().Where(t => t.ProviderReference == providerReference).ToListAsync()));
        Assert.Equal((RentTransactionType.Compensation, -12m), (credit.Type, credit.Amount));
        Assert.Equal(balanceBefore - 12m, await App.WithHousingAsync(db => db.Tenancies.Where(t => t.Id == tenancyId).Select(t => t.Balance).SingleAsync()));
        var c = await RightToRepairData.CaseAsync(App, reference);
        Assert.Equal((12m, CompensationMethod.RentAccount, credit.Id), (c!.CompensationPaid, c.CompensationMethod, c.CompensationRentTransactionId));
        Assert.Single(await App.Factory.AuditAsync("Repair", reference), a => a.Action == "repair.r2r-compensation-paid");
        Assert.Contains("We paid you £12.00 compensation into your rent account on Tuesday 10 November 2026.", RightToRepairData.Text(await tenant.GetDocumentAsync($"/repairs/{reference}"), "#compensation"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compensation_stops_at_the_50_pound_cap_and_can_then_be_recorded_as_paid_another_way_while_the_repair_is_still_outstanding()
    {
        // Reported Monday 5 October; asked on Friday 9 October: the second period ended Wednesday 14 October, 27 days
        // ago: £10 + 27 x £2 = £64, capped at £50 ("up to a maximum payment of £50").
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(10, 5));
        var officer = await RightToRepairData.OfficerAsync(App);
        await officer.FollowAsync(await RightToRepairData.PostAsync(officer, reference, "second-contractor-request", new() { ["Request.ReceivedOn"] = "2026-10-09" }));

        var missingNote = await (await RightToRepairData.PostAsync(officer, reference, "compensation", new() { ["Compensation.Method"] = nameof(CompensationMethod.Other) })).GetDocumentAsync();
        Assert.Contains("Say how the compensation was paid", RightToRepairData.Text(missingNote, "#Compensation_Note-error"), StringComparison.Ordinal);
        Assert.Contains("Pay £50.00 compensation", RightToRepairData.Text(missingNote, "#compensation-heading"), StringComparison.Ordinal);

        await officer.FollowAsync(await RightToRepairData.PostAsync(officer, reference, "compensation", new() { ["Compensation.Method"] = nameof(CompensationMethod.Other), ["Compensation.Note"] = "Cheque 004512 posted" }));

        var c = await RightToRepairData.CaseAsync(App, reference);
        Assert.Equal((50m, CompensationMethod.Other, (long?)null, "Cheque 004512 posted"), (c!.CompensationPaid, c.CompensationMethod, c.CompensationRentTransactionId, c.CompensationNote));
    }

    [Fact]
    public async Task The_second_period_ends_on_its_last_working_day_so_no_compensation_is_due_that_day()
    {
        // Reported Monday 26 October; asked on Thursday 5 November: Friday 6, Monday 9, Tuesday 10 November (today) is the last day.
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(10, 26));
        var officer = await RightToRepairData.OfficerAsync(App);

        var page = await officer.FollowAsync(await RightToRepairData.PostAsync(officer, reference, "second-contractor-request", new() { ["Request.ReceivedOn"] = "2026-11-05" }));

        Assert.Contains("Last day Tuesday 10 November 2026", RightToRepairData.Text(page, "#r2r-request"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#r2r-compensation"));
    }

    [Fact]
    public async Task A_tenant_sees_only_their_own_repair_notice_and_cannot_ask_for_a_second_contractor_on_another_tenancys_repair()
    {
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(11, 2));
        var officer = await RightToRepairData.OfficerAsync(App);
        await RightToRepairData.AssignAsync(App, officer, reference, RightToRepairData.FirstContractor);
        var owner = await App.SignedInAsync();
        var form = await owner.GetDocumentAsync($"/repairs/{reference}");
        var other = await App.SignedInAsync(RepairsApp.SecondTenantEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/repairs/{reference}", UriKind.Relative))).StatusCode);
        var gracesOwn = await RightToRepairData.NewSinkRepairAsync(App, Utc(11, 2), DemoData.SecondTenancyReference);
        var token = await other.AntiforgeryTokenAsync($"/repairs/{gracesOwn}");
        using var post = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(new Uri($"/repairs/{reference}/second-contractor", UriKind.Relative), post)).StatusCode);
        Assert.NotNull(form.QuerySelector("#repair-notice"));
        Assert.Null((await RightToRepairData.CaseAsync(App, reference))!.SecondContractorRequestedOn);
        var graceId = await App.WithHousingAsync(db => db.Tenants.Where(t => t.Email == RepairsApp.SecondTenantEmail).Select(t => t.Id).SingleAsync());
        Assert.False(await App.WithPortalAsync(db => db.EmailOutbox.AnyAsync(m => m.TenantId == graceId && m.Subject.Contains(reference))));
    }
}

/// <summary>A Scottish council: the 1994 Regulations are "HOUSING, ENGLAND AND WALES" (<c>LandlordRules</c>), so no
/// Right to Repair there; the contractor is still recorded.</summary>
public sealed class ScottishCouncilAppFixture() : LandlordAppFixture(new() { ["Landlord:Type"] = "Council", ["Landlord:Region"] = "Scotland" });

public sealed class RightToRepairOutsideEnglandAndWalesTests(ScottishCouncilAppFixture scotland) : IClassFixture<ScottishCouncilAppFixture>
{
    [Fact]
    public async Task A_Scottish_councils_repair_gets_its_contractor_but_no_Right_to_Repair_notice()
    {
        var reference = await RightToRepairData.NewSinkRepairAsync(scotland.App, new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc));
        var officer = await RightToRepairData.OfficerAsync(scotland.App);

        await RightToRepairData.AssignAsync(scotland.App, officer, reference, RightToRepairData.FirstContractor);

        Assert.NotNull((await scotland.App.WithHousingAsync(db => db.Repairs.AsNoTracking().SingleAsync(r => r.Reference == reference))).ContractorId);
        Assert.Null(await RightToRepairData.CaseAsync(scotland.App, reference));
        Assert.Null((await officer.GetDocumentAsync(RightToRepairData.Url(reference))).QuerySelector("#r2r-summary"));
        Assert.Null((await (await scotland.App.SignedInAsync()).GetDocumentAsync($"/repairs/{reference}")).QuerySelector("#right-to-repair"));
    }
}

/// <summary>A housing association's tenants have no Right to Repair under the 1994 Regulations (a local housing
/// authority's secure tenants only): the officer assigns the contractor, and no notice is issued.</summary>
public sealed class RightToRepairHousingAssociationContractorTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    [Fact]
    public async Task A_housing_associations_repair_gets_its_contractor_on_the_officers_page_but_no_repair_notice()
    {
        var reference = await RightToRepairData.NewSinkRepairAsync(fixture.App, new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc));
        var officer = await RightToRepairData.OfficerAsync(fixture.App);

        await RightToRepairData.AssignAsync(fixture.App, officer, reference, RightToRepairData.FirstContractor);

        var page = await officer.GetDocumentAsync($"/admin/repairs/{reference}");
        Assert.Contains(RightToRepairData.FirstContractor, RightToRepairData.Text(page, "#repair-contractor"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#right-to-repair"));
        Assert.Null(await RightToRepairData.CaseAsync(fixture.App, reference));
        Assert.False(await fixture.App.WithPortalAsync(db => db.EmailOutbox.AnyAsync(m => m.Subject.Contains("repair notice") && m.Subject.Contains(reference))));
        Assert.Contains(await fixture.App.Factory.AuditAsync("Repair", reference), a => a.Action == "repair.contractor-assigned");
    }
}
