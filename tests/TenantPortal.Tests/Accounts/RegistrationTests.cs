using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Accounts;

public sealed class RegistrationTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private const string NoMatch = "We could not match these details to a tenancy";

    [Fact]
    public async Task Matching_details_then_email_and_password_create_an_unconfirmed_account_linked_to_the_tenant()
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();

        var response = await AccountJourneys.RegisterAsync(client, AccountJourneys.Details("  demo-0002 ", "OKAFOR", DemoData.SecondTenantDateOfBirth), "grace.new@example.org");

        Assert.Equal("/account/register/check-your-email", response.Headers.Location?.OriginalString);
        using var scope = factory.Services.CreateScope();
        var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await portal.Users.SingleAsync(u => u.Email == "grace.new@example.org");
        var housing = scope.ServiceProvider.GetRequiredService<Web.Data.Housing.HousingDbContext>();
        var grace = await housing.Tenants.SingleAsync(t => t.Tenancy.Reference == DemoData.SecondTenancyReference);
        Assert.Equal(grace.Id, user.TenantId);
        Assert.False(user.EmailConfirmed);
        Assert.Equal(DemoData.SecondTenantFullName, user.DisplayName);
    }

    [Theory]
    [InlineData("DEMO-9999", "Okafor", 14, 3, 1985)]
    [InlineData("DEMO-0002", "Smith", 14, 3, 1985)]
    [InlineData("DEMO-0002", "Okafor", 15, 3, 1985)]
    public async Task Details_that_do_not_match_get_the_same_neutral_message_with_the_phone_number(string reference, string surname, int day, int month, int year)
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync("/account/register", AccountJourneys.Details(reference, surname, new DateOnly(year, month, day)));
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Assert.Single(document.ErrorSummary());
        Assert.StartsWith(NoMatch, error, StringComparison.Ordinal);
        Assert.Contains("0300 123 4567", error, StringComparison.Ordinal);
        Assert.Equal(reference, document.QuerySelector("#Reference")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_tenant_who_already_has_an_account_is_told_to_sign_in_or_reset_their_password()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync("/account/register",
            AccountJourneys.Details(DemoData.TenancyReference, DemoData.LeadTenantLastName, DemoData.LeadTenantDateOfBirth));
        var document = await response.GetDocumentAsync();

        Assert.Equal("You already have an account", document.QuerySelector("h1").Text());
        Assert.NotNull(document.QuerySelector("main a[href='/account/forgotten-password']"));
        Assert.DoesNotContain(DemoSeeder.TenantEmail, document.NormalisedText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_joint_tenant_gets_their_own_account_on_the_same_tenancy()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await AccountJourneys.RegisterAsync(client, AccountJourneys.Sam(), "sam.own@example.org");

        Assert.Equal("/account/register/check-your-email", response.Headers.Location?.OriginalString);
        using var scope = app.Factory.Services.CreateScope();
        var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var sam = await portal.Users.SingleAsync(u => u.Email == "sam.own@example.org");
        var alex = await portal.Users.SingleAsync(u => u.Email == DemoSeeder.TenantEmail);
        Assert.NotEqual(alex.TenantId, sam.TenantId);
    }

    [Fact]
    public async Task An_email_address_already_in_use_gets_the_same_answer_and_its_owner_is_told_by_email()
    {
        var factory = app.Factory;
        var client = factory.CreateBrowserClient();

        var response = await AccountJourneys.RegisterAsync(client, AccountJourneys.Grace(), DemoSeeder.TenantEmail);

        Assert.Equal("/account/register/check-your-email", response.Headers.Location?.OriginalString);
        await Mailbox.WaitForEmailAsync(factory.EmailFolder, DemoSeeder.TenantEmail, "You already have an account");
        using var scope = factory.Services.CreateScope();
        var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(1, await portal.Users.CountAsync(u => u.Email == DemoSeeder.TenantEmail));
    }

    [Theory]
    [InlineData("", "", "", "Enter your date of birth")]
    [InlineData("14", "", "1985", "Date of birth must include a month")]
    [InlineData("31", "2", "1985", "Date of birth must be a real date, like 27 3 1985")]
    public async Task A_missing_or_impossible_date_of_birth_is_explained_next_to_the_date(string day, string month, string year, string message)
    {
        var client = app.Factory.CreateBrowserClient();
        var details = AccountJourneys.Grace();
        details["DateOfBirthDay"] = day;
        details["DateOfBirthMonth"] = month;
        details["DateOfBirthYear"] = year;

        var document = await (await client.SubmitFormAsync("/account/register", details)).GetDocumentAsync();

        Assert.Equal([message], document.ErrorSummary());
        Assert.Equal("#DateOfBirthDay", document.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal(message, document.FieldError("DateOfBirth"));
    }

    [Fact]
    public async Task The_second_step_cannot_be_reached_without_matching_details()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.GetAsync(new Uri("/account/register/your-account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/register", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_common_password_is_rejected_however_it_is_capitalised()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await AccountJourneys.RegisterAsync(client, AccountJourneys.Grace(), "grace.common@example.org", "QwertyUiop");
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("too common", document.FieldError("Password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_is_rejected_and_the_email_is_kept()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await AccountJourneys.RegisterAsync(client, AccountJourneys.Grace(), "grace.short@example.org", "tiny pass");
        var document = await response.GetDocumentAsync();

        Assert.Equal("Your password must be at least 10 characters", document.FieldError("Password"));
        Assert.Equal("grace.short@example.org", document.QuerySelector("#Email")?.GetAttribute("value"));
    }
}
