using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Rent;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Security;

/// <summary>ASVS V4.2.1 (IDOR): the demo tenant (DEMO-0001) asks for another tenancy's records by id or reference and
/// gets a 404, and nothing of the other tenancy changes. Placeholders are filled by <see cref="OtherTenancy.Fill"/>;
/// to cover a new tenant URL, add one InlineData line.</summary>
public sealed class TenancyIsolationTests(SecurityAppFixture fixture) : IClassFixture<SecurityAppFixture>
{
    private RepairsApp App => fixture.App;
    private OtherTenancy Other => fixture.Other;

    [Theory]
    [InlineData("/repairs/{repair}")]
    [InlineData("/repairs/{repair}/appointment")]
    [InlineData("/repairs/{repair}/appointment/cancel")]
    [InlineData("/repairs/{repair}/cancel")]
    [InlineData("/repairs/{repair}/add-information")]
    [InlineData("/repairs/{repair}/feedback")]
    [InlineData("/repairs/{repair}/photos/{photo}")]
    [InlineData("/repairs/{repair}/photos/{photo}/thumbnail")]
    [InlineData("/repairs/report/confirmation/{repair}")]
    [InlineData("/repairs/report/photos/{photoFile}")]
    [InlineData("/repairs/report/photos/{photoFile}/thumbnail")]
    [InlineData("/rent/pay/check?attempt={attempt}")]
    [InlineData("/rent/pay/complete?attempt={paidAttempt}")]
    [InlineData("/rent/pay/complete?attempt={attempt}")]
    [InlineData("/rent/pay/cancelled?attempt={attempt}")]
    [InlineData("/rent/pay/test-gateway?attempt={attempt}")]
    public async Task Another_tenancys_record_is_not_found(string template)
    {
        var client = await App.SignedInAsync();

        var response = await client.GetAsync(new Uri(Other.Fill(template), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Other.RepairReference, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/repairs/{repair}/appointment", "slotId=1")]
    [InlineData("/repairs/{repair}/appointment/cancel", "")]
    [InlineData("/repairs/{repair}/cancel", "Reason=Fixed it myself")]
    [InlineData("/repairs/{repair}/add-information", "Information=Hello from another tenancy")]
    [InlineData("/repairs/{repair}/feedback", "RepairRating=1")]
    [InlineData("/rent/pay/check?attempt={attempt}", "")]
    [InlineData("/rent/pay/test-gateway?attempt={attempt}", "outcome=success")]
    public async Task Posting_to_another_tenancys_record_is_not_found_and_writes_nothing(string template, string body)
    {
        var client = await App.SignedInAsync();
        var token = await client.AntiforgeryTokenAsync("/repairs/report");
        var before = await SnapshotAsync();
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        fields.AddRange(body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1])));

        var response = await client.PostAsync(new Uri(Other.Fill(template), UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_same_urls_with_the_demo_tenants_own_ids_open()
    {
        var client = await App.SignedInAsync();
        var own = await App.WithHousingAsync(db => db.Repairs.Where(r => r.Tenancy!.Reference == DemoData.TenancyReference).Select(r => r.Reference).FirstAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/repairs/{own}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/repairs/report/confirmation/{own}", UriKind.Relative))).StatusCode);
        var attempt = await PayJourney.ChooseAmountAsync(client, "10.00");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/rent/pay/check?attempt={attempt}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Tenancy_ids_in_the_query_string_are_ignored_by_the_statement_and_rent_pages()
    {
        var client = await App.SignedInAsync();
        var own = (await client.GetDocumentAsync("/rent/statement")).QuerySelector("main")!.TextContent;
        var ownRent = (await client.GetDocumentAsync("/rent")).QuerySelector("main")!.TextContent;

        var tampered = (await client.GetDocumentAsync(Other.Fill("/rent/statement?tenancyId={tenancyId}&tenancy={tenancy}&reference={tenancy}"))).QuerySelector("main")!.TextContent;
        var tamperedRent = (await client.GetDocumentAsync(Other.Fill("/rent?tenancyId={tenancyId}&tenancy={tenancy}"))).QuerySelector("main")!.TextContent;
        var download = await client.GetStringAsync(new Uri(Other.Fill("/rent/statement/download?tenancyId={tenancyId}&tenancy={tenancy}"), UriKind.Relative));
        var ownDownload = await client.GetStringAsync(new Uri("/rent/statement/download", UriKind.Relative));

        Assert.Equal(own, tampered);
        Assert.Equal(ownRent, tamperedRent);
        Assert.Equal(ownDownload, download);
    }

    [Fact]
    public async Task A_tenancy_id_posted_with_a_payment_is_ignored_the_attempt_is_for_the_signed_in_tenancy()
    {
        var client = await App.SignedInAsync();
        var ownTenancy = await App.TenancyIdAsync(DemoData.TenancyReference);

        var response = await client.SubmitFormAsync("/rent/pay", new Dictionary<string, string>
        {
            ["Form.Amount"] = "10.00",
            ["TenancyId"] = Other.TenancyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.TenancyId"] = Other.TenancyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TenancyReference"] = Other.TenancyReference,
            ["Amount"] = "0.01",
        });

        var attemptId = Guid.Parse(response.Headers.Location!.OriginalString.Split("attempt=")[1]);
        var attempt = await App.WithPortalAsync(db => db.PaymentAttempts.AsNoTracking().SingleAsync(a => a.Id == attemptId));
        Assert.Equal((ownTenancy, DemoData.TenancyReference, 10.00m), (attempt.TenancyId, attempt.TenancyReference, attempt.Amount));
    }

    [Fact]
    public async Task Tenancy_and_tenant_ids_posted_with_a_repair_report_are_ignored_the_repair_is_the_signed_in_tenancys()
    {
        var client = await App.SignedInAsync();
        var ownTenancy = await App.TenancyIdAsync(DemoData.TenancyReference);
        await ReportJourney.ToCheckPageAsync(client, "Tampered ids test tap");

        var response = await client.SubmitFormAsync("/repairs/report/check", new Dictionary<string, string>
        {
            ["TenancyId"] = Other.TenancyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReportedByTenantId"] = Other.TenantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PropertyId"] = "1",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = response.Headers.Location!.OriginalString.Split('/').Last();
        var repair = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().Where(r => r.Reference == reference)
            .Select(r => new { r.TenancyId, r.PropertyId, TenancyProperty = r.Tenancy!.PropertyId, r.ReportedByTenantId }).SingleAsync());
        Assert.Equal(ownTenancy, repair.TenancyId);
        Assert.Equal(repair.TenancyProperty, repair.PropertyId);
        Assert.NotEqual(Other.TenantId, repair.ReportedByTenantId);
    }

    /// <summary>Everything a tampered request could change for the other tenancy.</summary>
    private async Task<string> SnapshotAsync()
    {
        var repair = await App.WithHousingAsync(db => db.Repairs.AsNoTracking().Where(r => r.Reference == Other.RepairReference)
            .Select(r => new { r.Status, r.Version, History = r.History.Count, Photos = r.Photos.Count, Feedback = r.Feedback != null, Booked = r.Appointments.Count(a => a.Status == AppointmentStatus.Booked) }).SingleAsync());
        var lines = await App.WithHousingAsync(db => db.RentTransactions.CountAsync(t => t.TenancyId == Other.TenancyId));
        var attempts = await App.WithPortalAsync(db => db.PaymentAttempts.AsNoTracking().Where(a => a.TenancyId == Other.TenancyId)
            .OrderBy(a => a.Id).Select(a => a.Status.ToString() + a.Version).ToListAsync());
        return $"{repair} lines={lines} attempts={string.Join(",", attempts)}";
    }
}
