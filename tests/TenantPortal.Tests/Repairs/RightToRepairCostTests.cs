using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TenantPortal.Tests.Admin;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Texts;

namespace TenantPortal.Tests.Repairs;

/// <summary>The Right to Repair cost limit through the app: regulation 2 of the Secure Tenants of Local Housing
/// Authorities (Right to Repair) Regulations 1994 makes a qualifying repair a Schedule defect "which the landlord
/// estimates will cost not more than £250". The officer records the estimate on the contractor page; above £250 no
/// repair notice is issued, no second contractor is offered and no compensation is shown, and a tenant already sent a
/// notice is told once. The app's clock is Tuesday 10 November 2026 10:00 (GMT).</summary>
public sealed class RightToRepairCostTests(CouncilAppFixture council) : IClassFixture<CouncilAppFixture>
{
    private const string NotCovered = "not covered by the Right to Repair because we estimate it will cost more than £250";

    private RepairsApp App => council.App;

    private static DateTime Utc(int month, int day) => new(2026, month, day, 10, 0, 0, DateTimeKind.Utc);

    private static Task<HttpResponseMessage> PostEstimateAsync(HttpClient officer, string reference, string typed) =>
        RightToRepairData.PostAsync(officer, reference, "estimated-cost", new() { ["Estimate.EstimatedCost"] = typed });

    /// <summary>Records the estimate and follows the redirect back to the contractor page.</summary>
    private static async Task<IHtmlDocument> EstimateAsync(HttpClient officer, string reference, string typed) =>
        await officer.FollowAsync(await PostEstimateAsync(officer, reference, typed));

    private Task<List<OutboxMessage>> NotCoveredMessagesAsync(string reference) =>
        App.WithPortalAsync(db => db.EmailOutbox.AsNoTracking().Where(m => m.Subject == $"Repair {reference}: not covered by the Right to Repair").ToListAsync());

    [Fact]
    public async Task An_estimate_of_exactly_250_pounds_is_not_more_than_250_so_the_repair_qualifies_the_notice_is_sent_and_a_second_contractor_is_offered()
    {
        // Reported Monday 2 November: the first period (3 working days) ended Thursday 5 November.
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(11, 2));
        var officer = await RightToRepairData.OfficerAsync(App);

        var recorded = await EstimateAsync(officer, reference, "£250.00");
        await RightToRepairData.AssignAsync(App, officer, reference, RightToRepairData.FirstContractor);

        Assert.Contains("Estimated cost recorded", RightToRepairData.Text(recorded, "#contractor-message"), StringComparison.Ordinal);
        Assert.Equal("£250.00", RightToRepairData.Text(recorded, "#r2r-estimate"));
        var c = await RightToRepairData.CaseAsync(App, reference);
        Assert.Equal(250.00m, c!.EstimatedCost);
        Assert.Single(c.Notices);
        Assert.Equal(["repair.r2r-estimated-cost-recorded", "repair.contractor-assigned"], (await App.Factory.AuditAsync("Repair", reference)).Select(a => a.Action).ToList());
        var tenantPage = await (await App.SignedInAsync()).GetDocumentAsync($"/repairs/{reference}");
        Assert.NotNull(tenantPage.QuerySelector("#ask-second-contractor"));
        Assert.NotNull(tenantPage.QuerySelector("#repair-notice"));
    }

    [Fact]
    public async Task An_estimate_of_250_pounds_and_1_penny_is_not_a_qualifying_repair_so_no_notice_is_issued_and_no_second_contractor_is_offered()
    {
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(11, 2));
        var officer = await RightToRepairData.OfficerAsync(App);

        var recorded = await EstimateAsync(officer, reference, "250.01");
        await RightToRepairData.AssignAsync(App, officer, reference, RightToRepairData.FirstContractor);

        Assert.Contains("£250.01. Not a qualifying repair: estimated to cost more than £250", RightToRepairData.Text(recorded, "#r2r-estimate"), StringComparison.Ordinal);
        Assert.Empty((await RightToRepairData.CaseAsync(App, reference))!.Notices);
        Assert.NotNull((await App.WithHousingAsync(db => db.Repairs.AsNoTracking().SingleAsync(r => r.Reference == reference))).ContractorId);
        Assert.False(await App.WithPortalAsync(db => db.EmailOutbox.AnyAsync(m => m.Subject.Contains(reference))));
        var tenant = await App.SignedInAsync();
        var tenantPage = await tenant.GetDocumentAsync($"/repairs/{reference}");
        Assert.Contains($"This repair is {NotCovered}.", RightToRepairData.Text(tenantPage, "#right-to-repair"), StringComparison.Ordinal);
        Assert.Null(tenantPage.QuerySelector("#ask-second-contractor"));
        Assert.Null(tenantPage.QuerySelector("#repair-notice"));
        var officerRepairPage = await officer.GetDocumentAsync($"/admin/repairs/{reference}");
        Assert.Contains("Not a qualifying repair: Blocked sink, bath or basin, estimated to cost £250.01, more than £250.", RightToRepairData.Text(officerRepairPage, "#right-to-repair"), StringComparison.Ordinal);

        // Asking anyway (a form kept open from before) is refused and records nothing.
        // This page has no form now; any page with a form gives this user's token.
        var token = await tenant.AntiforgeryTokenAsync("/account/change-password");
        using var post = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var refused = await tenant.FollowAsync(await tenant.PostAsync(new Uri($"/repairs/{reference}/second-contractor", UriKind.Relative), post));
        Assert.Contains("This is not a qualifying repair under the Right to Repair", RightToRepairData.Text(refused, "#right-to-repair-message"), StringComparison.Ordinal);
        Assert.Null((await RightToRepairData.CaseAsync(App, reference))!.SecondContractorRequestedOn);
    }

    [Fact]
    public async Task An_estimate_above_250_pounds_after_the_notice_was_sent_tells_the_tenants_once_by_their_channel_with_the_phone_number_and_ends_the_compensation()
    {
        // Reported Monday 26 October; asked (by phone) on Wednesday 4 November: £12 compensation would be due today.
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(10, 26));
        var officer = await RightToRepairData.OfficerAsync(App);
        await RightToRepairData.AssignAsync(App, officer, reference, RightToRepairData.FirstContractor);
        await officer.FollowAsync(await RightToRepairData.PostAsync(officer, reference, "second-contractor-request", new() { ["Request.ReceivedOn"] = "2026-11-04" }));
        var tenant = await App.SignedInAsync();
        Assert.NotNull((await tenant.GetDocumentAsync($"/repairs/{reference}")).QuerySelector("#compensation"));

        var officerPage = await EstimateAsync(officer, reference, "300");
        var sent = await NotCoveredMessagesAsync(reference);
        await EstimateAsync(officer, reference, "400"); // a revised estimate, still above £250: the tenants are not told again

        // The lead tenant asked for emails, the joint tenant for texts: each told once, with the landlord's phone number.
        Assert.Equal(sent.Count, (await NotCoveredMessagesAsync(reference)).Count);
        var phone = App.Factory.Services.GetRequiredService<IOptions<LandlordOptions>>().Value.PhoneNumber;
        var email = Assert.Single(sent, m => m.Channel == MessageChannel.Email);
        Assert.Contains($"Repair {reference} is {NotCovered}.", email.Body, StringComparison.Ordinal);
        Assert.Contains(phone, email.Body, StringComparison.Ordinal);
        var text = Assert.Single(sent, m => m.Channel == MessageChannel.Text);
        Assert.Contains(NotCovered, text.Body, StringComparison.Ordinal);
        Assert.Contains(phone, text.Body, StringComparison.Ordinal);
        Assert.True(SmsLength.Fragments(text.Body) <= SmsLength.MaxFragments, text.Body);

        Assert.Null(officerPage.QuerySelector("#r2r-compensation"));
        Assert.Null(officerPage.QuerySelector("form[action$='/contractor/compensation']"));
        var tenantPage = await tenant.GetDocumentAsync($"/repairs/{reference}");
        Assert.Null(tenantPage.QuerySelector("#compensation"));
        Assert.Contains($"This repair is {NotCovered}.", RightToRepairData.Text(tenantPage, "#right-to-repair"), StringComparison.Ordinal);
        Assert.Contains(RightToRepairCases.NotCoveredNote, tenantPage.NormalisedText(), StringComparison.Ordinal);
        Assert.Equal(400m, (await RightToRepairData.CaseAsync(App, reference))!.EstimatedCost);
        Assert.Equal(2, (await App.Factory.AuditAsync("Repair", reference)).Count(a => a.Action == "repair.r2r-estimated-cost-recorded"));
    }

    [Fact]
    public async Task Clearing_the_estimate_makes_the_repair_qualify_again_so_the_next_contractor_assigned_sends_the_repair_notice()
    {
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(11, 9));
        var officer = await RightToRepairData.OfficerAsync(App);
        await EstimateAsync(officer, reference, "1,200");
        await RightToRepairData.AssignAsync(App, officer, reference, RightToRepairData.FirstContractor);
        Assert.Empty((await RightToRepairData.CaseAsync(App, reference))!.Notices);

        var cleared = await EstimateAsync(officer, reference, "");
        await RightToRepairData.AssignAsync(App, officer, reference, RightToRepairData.SecondContractor);

        Assert.Equal("Not recorded", RightToRepairData.Text(cleared, "#r2r-estimate"));
        var c = await RightToRepairData.CaseAsync(App, reference);
        Assert.Null(c!.EstimatedCost);
        Assert.Equal(RightToRepairData.SecondContractor, Assert.Single(c.Notices).ContractorName);
        Assert.Empty(await NotCoveredMessagesAsync(reference)); // no notice had been sent, so nobody was told it is not covered
    }

    [Theory]
    [InlineData("two hundred", "Enter an amount in pounds and pence, like 25.50")]
    [InlineData("-5", "The estimated cost must be £0.01 or more")]
    [InlineData("180.505", "Enter the amount to no more than 2 decimal places, like 25.50")]
    public async Task The_officer_is_told_next_to_the_field_and_in_the_summary_when_the_estimate_is_not_an_amount_and_what_they_typed_is_kept(string typed, string error)
    {
        var reference = await RightToRepairData.NewSinkRepairAsync(App, Utc(11, 9));
        var officer = await RightToRepairData.OfficerAsync(App);

        var page = await (await PostEstimateAsync(officer, reference, typed)).GetDocumentAsync();

        Assert.Equal(error, RightToRepairData.Text(page, "#Estimate_EstimatedCost-error").Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Contains(error, RightToRepairData.Text(page, ".error-summary"), StringComparison.Ordinal);
        Assert.Equal(typed, (page.QuerySelector("#Estimate_EstimatedCost") as IHtmlInputElement)!.Value);
        Assert.Null(await RightToRepairData.CaseAsync(App, reference));
        Assert.Empty(await App.Factory.AuditAsync("Repair", reference));
    }
}
