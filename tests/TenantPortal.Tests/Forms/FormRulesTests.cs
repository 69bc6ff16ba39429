using System.Net;
using TenantPortal.Tests.Accounts;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Forms;

/// <summary>Rules every form shares: errors summarised in the order of the fields, one email address rule, dates with
/// month names.</summary>
public sealed class FormRulesTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    [Fact]
    public async Task Registration_lists_its_errors_in_the_order_of_the_fields()
    {
        var client = app.Factory.CreateBrowserClient();

        var document = await (await client.SubmitFormAsync("/account/register", new Dictionary<string, string>())).GetDocumentAsync();

        Assert.Equal(["Enter your tenancy reference", "Enter your surname", "Enter your date of birth"], document.ErrorSummary());
    }

    [Fact]
    public async Task Creating_an_account_lists_its_errors_in_the_order_of_the_fields()
    {
        var client = app.Factory.CreateBrowserClient();
        await client.SubmitFormAsync("/account/register", AccountJourneys.Grace());

        var document = await (await client.SubmitFormAsync("/account/register/your-account", new Dictionary<string, string>())).GetDocumentAsync();

        Assert.Equal(["Enter your email address", "Enter a password", "Enter your password again"], document.ErrorSummary());
    }

    [Theory]
    [InlineData("name@example")]
    [InlineData("name@@example.com")]
    [InlineData("name@example..com")]
    public async Task Registration_refuses_an_email_address_that_contact_details_would_refuse(string email)
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await AccountJourneys.RegisterAsync(client, AccountJourneys.Grace(), email);
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter an email address in the correct format, like name@example.com"], document.ErrorSummary());
        Assert.Equal(email, document.QuerySelector("#Email")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/account/forgotten-password")]
    public async Task Signing_in_and_resetting_a_password_use_the_same_email_rule(string page)
    {
        var client = app.Factory.CreateBrowserClient();

        var document = await (await client.SubmitFormAsync(page, new Dictionary<string, string> { ["Email"] = "name@example", ["Password"] = "anything at all" })).GetDocumentAsync();

        Assert.Contains("Enter an email address in the correct format, like name@example.com", document.ErrorSummary());
    }

    [Theory]
    [InlineData("March")]
    [InlineData("mar")]
    [InlineData("3")]
    public async Task Registration_accepts_the_month_of_birth_as_a_name(string month)
    {
        var client = app.Factory.CreateBrowserClient();
        var details = AccountJourneys.Details(DemoData.SecondTenancyReference, DemoData.SecondTenantLastName, DemoData.SecondTenantDateOfBirth);
        details["DateOfBirthMonth"] = month;

        var response = await client.SubmitFormAsync("/account/register", details);

        Assert.Equal(3, DemoData.SecondTenantDateOfBirth.Month);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

/// <summary>Error summaries in the order of the fields on the report-a-repair and feedback pages, which used to list
/// the phone before "who will be at home".</summary>
public sealed class RepairFormErrorOrderTests(RepairsAppFixture fixture) : IClassFixture<RepairsAppFixture>
{
    [Fact]
    public async Task Getting_into_your_home_lists_its_errors_in_the_order_of_the_fields()
    {
        var client = await fixture.App.SignedInAsync();
        ReportJourney.Expect(await client.SubmitFormAsync("/repairs/report", new Dictionary<string, string>()), "/repairs/report/where");
        ReportJourney.Expect(await client.ChooseAsync("/repairs/report/where", "Kitchen"), "/repairs/report/what");
        ReportJourney.Expect(await client.ChooseAsync("/repairs/report/what", "Tap"), "/repairs/report/problem");
        ReportJourney.Expect(await client.ChooseAsync("/repairs/report/problem", "Dripping or leaking"), "/repairs/report/describe");
        ReportJourney.Expect(await client.SubmitFormAsync("/repairs/report/describe", new Dictionary<string, string> { ["Description"] = "The tap drips" }), "/repairs/report/photos");
        ReportJourney.Expect(await client.UploadPhotosAsync("continue"), "/repairs/report/access");

        var page = await (await client.SubmitFormAsync("/repairs/report/access", new Dictionary<string, string> { ["WhoWillBeHome"] = "", ["ContactPhone"] = "" })).GetDocumentAsync();

        Assert.Equal(["Enter who will be at home to let us in", "Enter a phone number we can call about this repair"], page.ErrorSummary());
    }
}
