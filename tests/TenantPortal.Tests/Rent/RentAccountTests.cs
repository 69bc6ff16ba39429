using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Rent;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Rent;

public sealed class RentAccountTests(TestGatewayAppFixture app) : IClassFixture<TestGatewayAppFixture>
{
    [Theory]
    [InlineData(123.45, "You owe £123.45")]
    [InlineData(-20, "You are £20.00 in credit")]
    [InlineData(0, "Your account is clear")]
    public async Task Rent_account_says_the_balance_in_plain_words(decimal balance, string expected)
    {
        var (client, _) = await app.SignedInTenantAsync(balance);

        var page = await client.GetDocumentAsync("/rent");

        Assert.Equal(expected, page.QuerySelector("#balance").Text());
        Assert.Contains("Last updated 1 August 2025", page.NormalisedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rent_account_shows_each_weekly_charge_the_next_charge_date_and_the_benefit_share()
    {
        var tenancy = await RentAccountBuilder.Account().WithBenefit(BenefitType.UniversalCredit, 60m).WithChargeWeeks(50)
            .ForUserAsync(app.Factory, $"benefit-{Guid.NewGuid():N}@example.org");
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client, tenancy.Email);

        var text = (await client.GetDocumentAsync("/rent")).NormalisedText();

        Assert.Contains("Rent £95.50 a week", text, StringComparison.Ordinal);
        Assert.Contains("Service charge £4.50 a week", text, StringComparison.Ordinal);
        Assert.Contains("Total each week £100.00", text, StringComparison.Ordinal);
        Assert.Contains("Universal Credit pays £60.00 a week towards your rent. That leaves £40.00 a week for you to pay.", text, StringComparison.Ordinal);
        Assert.Contains("charged for 50 weeks a year", text, StringComparison.Ordinal);
        Assert.Matches(@"Next charge Monday \d{1,2} \w+ \d{4}", text);
    }

    [Theory]
    [InlineData(2026, 11, 23, 2026, 11, 30)] // a Monday: the next one
    [InlineData(2026, 11, 24, 2026, 11, 30)]
    [InlineData(2026, 11, 29, 2026, 11, 30)]
    public void Next_charge_is_the_next_monday(int y, int m, int d, int ey, int em, int ed) =>
        Assert.Equal(new DateOnly(ey, em, ed), RentAccountQueries.NextMonday(new DateOnly(y, m, d)));

    [Fact]
    public async Task Statement_is_newest_first_with_a_running_balance_that_is_right_on_every_page()
    {
        var (client, tenancy) = await app.SignedInTenantAsync(balance: 150m);

        var first = await client.GetDocumentAsync("/rent/statement");
        var second = await client.GetDocumentAsync("/rent/statement?Page=2");
        var last = await client.GetDocumentAsync("/rent/statement?Page=4");

        // 30 weeks x 2 lines + the opening balance = 61 lines, 20 a page.
        Assert.Contains("Page 1 of 4", first.NormalisedText(), StringComparison.Ordinal);
        var rows = first.QuerySelectorAll("table.statement tbody tr").ToList();
        Assert.Equal(20, rows.Count);
        Assert.Equal("Payment by bank", rows[0].Children[1].Text());
        Assert.Equal("£150.00", rows[0].Children[4].Text());
        Assert.Equal("£250.00", rows[1].Children[4].Text());
        Assert.Equal("£150.00", second.QuerySelectorAll("table.statement tbody tr")[0].Children[4].Text());
        var lastRows = last.QuerySelectorAll("table.statement tbody tr").ToList();
        Assert.Equal("Opening balance", Assert.Single(lastRows).Children[1].Text());
        Assert.Equal("£150.00", lastRows[0].Children[4].Text());
        Assert.Equal("/rent/statement?Page=2", first.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        await RentDb.AssertBalanceMatchesLinesAsync(app.Factory, tenancy.Id);
    }

    [Fact]
    public async Task Statement_filters_by_date_range_and_keeps_the_running_balance()
    {
        var (client, _) = await app.SignedInTenantAsync(balance: 150m);

        // Week of Monday 3 March 2025 only: charge then payment.
        var page = await client.GetDocumentAsync("/rent/statement?FromDay=3&FromMonth=3&FromYear=2025&ToDay=9&ToMonth=3&ToYear=2025");

        var rows = page.QuerySelectorAll("table.statement tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("6 Mar 2025", rows[0].Children[0].Text());
        Assert.Equal("£150.00", rows[0].Children[4].Text());
        Assert.Equal("3 Mar 2025", rows[1].Children[0].Text());
        Assert.Equal("£250.00", rows[1].Children[4].Text());
        Assert.Equal("/rent/statement/download?from=2025-03-03&to=2025-03-09", page.QuerySelector("a[download]")?.GetAttribute("href"));
        Assert.Equal("3", page.QuerySelector("#FromDay")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Statement_dates_accept_month_names_as_GOV_UK_date_inputs_do()
    {
        var (client, _) = await app.SignedInTenantAsync(balance: 150m);

        var page = await client.GetDocumentAsync("/rent/statement?FromDay=3&FromMonth=Mar&FromYear=2025&ToDay=9&ToMonth=march&ToYear=2025");

        Assert.Empty(page.ErrorSummary());
        Assert.Equal(2, page.QuerySelectorAll("table.statement tbody tr").Length);
        Assert.Equal("/rent/statement/download?from=2025-03-03&to=2025-03-09", page.QuerySelector("a[download]")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("FromDay=31&FromMonth=2&FromYear=2025", "FromDay", "The start date must be a real date, like 27 3 2025")]
    [InlineData("FromDay=1&FromYear=2025", "FromMonth", "The start date must include a month")]
    [InlineData("FromDay=1&FromMonth=3&FromYear=2025&ToDay=1&ToMonth=2&ToYear=2025", "ToDay", "The end date must be the same as or after the start date")]
    [InlineData("ToDay=x&ToMonth=2&ToYear=2025", "ToDay", "The end date must be a real date, like 27 3 2025")]
    public async Task Statement_date_filter_explains_what_is_wrong_and_keeps_what_was_typed(string query, string field, string message)
    {
        var (client, _) = await app.SignedInTenantAsync();

        var page = await client.GetDocumentAsync("/rent/statement?" + query);

        Assert.Equal([message], page.ErrorSummary());
        Assert.Equal("#" + field, page.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#" + field));
        var prefix = field[..(field.StartsWith("From", StringComparison.Ordinal) ? 4 : 2)];
        Assert.Contains(message, page.QuerySelector($"#{prefix}-error").Text(), StringComparison.Ordinal);
        Assert.Equal(20, page.QuerySelectorAll("table.statement tbody tr").Length);
    }

    [Fact]
    public async Task Statement_downloads_as_csv_for_the_chosen_dates()
    {
        var (client, _) = await app.SignedInTenantAsync(balance: 150m);

        var response = await client.GetAsync(new Uri("/rent/statement/download?from=2025-03-03&to=2025-03-09", UriKind.Relative));
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("rent-statement-from-2025-03-03-to-2025-03-09.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var screen = await client.GetDocumentAsync("/rent/statement?FromDay=3&FromMonth=3&FromYear=2025&ToDay=9&ToMonth=3&ToYear=2025");
        Assert.Equal(string.Join(',', screen.QuerySelectorAll("table.statement th").Select(th => th.Text())), lines[0]);
        Assert.Equal("Date,Description,Charge,Paid,Balance", lines[0]);
        Assert.Equal("\"6 Mar 2025\",\"Payment by bank\",,100.00,\"150.00\"", lines[1]);
        Assert.Equal("\"3 Mar 2025\",\"Rent and charges\",100.00,,\"250.00\"", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task A_refund_is_shown_as_money_paid_back_not_as_a_charge_on_the_screen_and_in_the_csv()
    {
        var tenancy = await RentAccountBuilder.Account().WithBalance(-20m).WithWeeks(1)
            .WithLine(new DateOnly(2025, 1, 8), RentTransactionType.Refund, 20m, "Refund of overpayment")
            .ForUserAsync(app.Factory, $"tenant-{Guid.NewGuid():N}@example.org");
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client, tenancy.Email);

        var page = await client.GetDocumentAsync("/rent/statement?FromDay=8&FromMonth=1&FromYear=2025&ToDay=8&ToMonth=1&ToYear=2025");
        var csv = await client.GetStringAsync(new Uri("/rent/statement/download?from=2025-01-08&to=2025-01-08", UriKind.Relative));

        var cells = page.QuerySelectorAll("table.statement tbody tr td").Select(td => (td.GetAttribute("data-label"), td.Text().Trim())).ToList();
        Assert.Equal([("Date", "8 Jan 2025"), ("Description", "Refund of overpayment"), ("Charge", ""), ("Paid", "-£20.00"), ("Balance", "£100.00")], cells);
        Assert.Equal("\"8 Jan 2025\",\"Refund of overpayment\",,-20.00,\"100.00\"", csv.TrimStart('\uFEFF').Split("\r\n")[1]);
    }

    [Fact]
    public async Task A_tenant_never_sees_another_tenancys_account()
    {
        var (mine, myTenancy) = await app.SignedInTenantAsync(balance: 42.42m);
        var (theirs, theirTenancy) = await app.SignedInTenantAsync(balance: 999.99m);

        var account = (await mine.GetDocumentAsync("/rent")).NormalisedText();
        var statement = (await mine.GetDocumentAsync($"/rent/statement?tenancyId={theirTenancy.Id}&TenancyId={theirTenancy.Id}")).NormalisedText();
        var csv = await mine.GetStringAsync(new Uri($"/rent/statement/download?tenancyId={theirTenancy.Id}", UriKind.Relative));

        Assert.Contains("You owe £42.42", account, StringComparison.Ordinal);
        Assert.DoesNotContain("999.99", account, StringComparison.Ordinal);
        Assert.Contains(myTenancy.Reference, account, StringComparison.Ordinal);
        Assert.DoesNotContain(theirTenancy.Reference, account, StringComparison.Ordinal);
        Assert.DoesNotContain("999.99", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("999.99", csv, StringComparison.Ordinal);
        Assert.Contains("42.42", csv, StringComparison.Ordinal);
        _ = theirs;
    }

    [Fact]
    public async Task Rent_pages_need_a_signed_in_tenant()
    {
        var anonymous = app.Factory.CreateBrowserClient();
        var officer = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);

        var response = await anonymous.GetAsync(new Uri("/rent/statement", UriKind.Relative));
        var officerResponse = await officer.GetAsync(new Uri("/rent", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, officerResponse.StatusCode);
    }

    [Fact]
    public async Task Joint_tenants_see_the_same_account()
    {
        var lead = await RentAccountBuilder.Account().WithBalance(321.09m).ForUserAsync(app.Factory, $"lead-{Guid.NewGuid():N}@example.org");
        var jointEmail = $"joint-{Guid.NewGuid():N}@example.org";
        using (var scope = app.Factory.Services.CreateScope())
        {
            var housing = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var joint = new Tenant { TenancyId = lead.Id, Role = TenantRole.JointTenant, FirstName = "Sam", LastName = "Joint", Email = jointEmail, DateOfBirth = new DateOnly(1982, 9, 9) };
            housing.Tenants.Add(joint);
            await housing.SaveChangesAsync();
            var created = await users.CreateAsync(new PortalUser { UserName = jointEmail, Email = jointEmail, EmailConfirmed = true, DisplayName = "Sam Joint", TenantId = joint.Id }, DemoSeeder.Password);
            Assert.True(created.Succeeded);
        }

        var leadClient = app.Factory.CreateBrowserClient();
        var jointClient = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(leadClient, lead.Email);
        await SignIn.AsTenantAsync(jointClient, jointEmail);

        var leadPage = await leadClient.GetDocumentAsync("/rent");
        var jointPage = await jointClient.GetDocumentAsync("/rent");
        var jointCsv = await jointClient.GetStringAsync(new Uri("/rent/statement/download", UriKind.Relative));

        Assert.Equal("You owe £321.09", leadPage.QuerySelector("#balance").Text());
        Assert.Equal("You owe £321.09", jointPage.QuerySelector("#balance").Text());
        Assert.Contains(lead.Reference, jointPage.NormalisedText(), StringComparison.Ordinal);
        Assert.Contains(",321.09", jointCsv, StringComparison.Ordinal);
    }
}
