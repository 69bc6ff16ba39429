using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Repairs;

/// <summary>A tenant whose tenancy has ended can sign in and see their history and balance, but can't report, book,
/// change appointments or pay for the old home; the pages say so plainly. The officer journey refuses too.</summary>
public sealed class EndedTenancyTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    private const string Plainly = "You can still see your repairs and your rent account, but you can't report a repair, book or change an appointment, or pay online for this home.";

    private RepairsApp App => fixture.App;

    public static TheoryData<string> RefusedPages() =>
    [
        "/repairs/report",
        "/repairs/report/where",
        "/repairs/report/problem",
        "/repairs/{reference}/appointment",
        "/repairs/{reference}/appointment/cancel",
        "/repairs/{reference}/cancel",
        "/repairs/{reference}/add-information",
        "/rent/pay",
        "/rent/pay/check",
    ];

    [Theory]
    [MemberData(nameof(RefusedPages))]
    public async Task A_former_tenant_is_refused_each_page_that_acts_on_the_old_home_with_a_plain_message(string page)
    {
        var (client, reference, token) = await FormerTenantAsync();
        var url = page.Replace("{reference}", reference, StringComparison.Ordinal);

        var get = await client.GetAsync(new Uri(url, UriKind.Relative));
        var post = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Choice"] = "Kitchen",
            ["slotId"] = "1",
            ["Amount"] = "10.00",
        }));

        foreach (var response in new[] { get, post })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var text = (await response.GetDocumentAsync()).NormalisedText();
            Assert.Contains("Your tenancy has ended", text, StringComparison.Ordinal);
            Assert.Contains("Your tenancy of this home ended on ", text, StringComparison.Ordinal);
            Assert.Contains(Plainly, text, StringComparison.Ordinal);
        }

        var since = App.Factory.UtcNow.AddMinutes(-1);
        Assert.Equal(0, await App.WithHousingAsync(db => db.Repairs.CountAsync(r => r.ReportedAt > since && r.Tenancy!.Reference == DemoData.TenancyReference)));
    }

    [Theory]
    [InlineData("/repairs")]
    [InlineData("/repairs/{reference}")]
    [InlineData("/rent")]
    [InlineData("/rent/statement")]
    public async Task A_former_tenant_still_sees_their_history_and_balance(string page)
    {
        var (client, reference, _) = await FormerTenantAsync();

        var response = await client.GetAsync(new Uri(page.Replace("{reference}", reference, StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_home_page_says_plainly_that_the_tenancy_has_ended_and_offers_no_report_or_pay_buttons()
    {
        var (client, _, _) = await FormerTenantAsync();

        var page = await client.GetDocumentAsync("/");

        Assert.Contains(Plainly, page.QuerySelector("#tenancy-ended")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href") is "/repairs/report" or "/rent/pay");
    }

    [Fact]
    public async Task The_officer_journey_refuses_to_report_a_repair_for_an_ended_tenancy()
    {
        await FormerTenantAsync();
        var officer = App.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);
        var basePath = $"/admin/tenancies/{DemoData.TenancyReference}/report-repair";
        var token = await officer.AntiforgeryTokenAsync($"/admin/tenancies/{DemoData.SecondTenancyReference}/report-repair");

        var get = await officer.GetAsync(new Uri(basePath, UriKind.Relative));
        var post = await officer.PostAsync(new Uri(basePath, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["channel"] = "Phone" }));

        foreach (var response in new[] { get, post })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("This tenancy ended on ", (await response.GetDocumentAsync()).NormalisedText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_tenant_with_a_current_tenancy_can_still_report()
    {
        await FormerTenantAsync();
        var client = await App.SignedInAsync(RepairsApp.SecondTenantEmail);

        var response = await client.GetAsync(new Uri("/repairs/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Signs in the demo tenant (taking an antiforgery token while the tenancy is current), then ends the
    /// tenancy a month ago. Returns one of the tenancy's repairs.</summary>
    private async Task<(HttpClient Client, string Reference, string Token)> FormerTenantAsync()
    {
        var client = await App.SignedInAsync();
        await EndTenancyAsync(TenancyStatus.Active);
        var token = await client.AntiforgeryTokenAsync("/repairs/report");
        await EndTenancyAsync(TenancyStatus.Ended);
        var reference = await App.WithHousingAsync(db => db.Repairs.Where(r => r.Tenancy!.Reference == DemoData.TenancyReference)
            .OrderBy(r => r.Id).Select(r => r.Reference).FirstAsync());
        return (client, reference, token);
    }

    private Task<int> EndTenancyAsync(TenancyStatus status)
    {
        DateOnly? end = status == TenancyStatus.Ended ? App.Factory.Today.AddDays(-30) : null;
        return App.WithHousingAsync(db => db.Tenancies.Where(t => t.Reference == DemoData.TenancyReference).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, status)
            .SetProperty(t => t.EndDate, end)));
    }
}
