using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Accounts;

public sealed class PasswordTests
{
    [Fact]
    public async Task Forgotten_password_reset_works_end_to_end_through_the_emailed_link()
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();
        const string newPassword = "a brand new tenant password";

        var request = await client.SubmitFormAsync("/account/forgotten-password", new Dictionary<string, string> { ["Email"] = DemoSeeder.TenantEmail });
        var email = await Mailbox.WaitForEmailAsync(factory.EmailFolder, DemoSeeder.TenantEmail, "Reset your password");
        var link = Mailbox.Link(email, "/account/reset-password");
        var reset = await client.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword });

        Assert.Equal("/account/forgotten-password/check-your-email", request.Headers.Location?.OriginalString);
        Assert.Equal("/account/reset-password/done", reset.Headers.Location?.OriginalString);
        Assert.Equal(["userId", "code"], link.Query.TrimStart('?').Split('&').Select(p => p.Split('=')[0]));
        Assert.DoesNotContain("example.org", link.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await AccountJourneys.SignInAsync(factory.CreateBrowserClient(), DemoSeeder.TenantEmail, DemoSeeder.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountJourneys.SignInAsync(factory.CreateBrowserClient(), DemoSeeder.TenantEmail, newPassword)).StatusCode);

        var reused = await client.GetDocumentAsync(link.PathAndQuery);
        Assert.Equal("This link has expired or has already been used", reused.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Forgotten_password_gives_the_same_answer_for_an_unknown_address_and_sends_nothing()
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();

        var unknown = await client.SubmitFormAsync("/account/forgotten-password", new Dictionary<string, string> { ["Email"] = "nobody@example.org" });
        var known = await client.SubmitFormAsync("/account/forgotten-password", new Dictionary<string, string> { ["Email"] = DemoSeeder.TenantEmail });
        await Mailbox.WaitForEmailAsync(factory.EmailFolder, DemoSeeder.TenantEmail, "Reset your password");

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Equal(0, Mailbox.Count(factory.EmailFolder, "nobody@example.org"));
    }

    [Fact]
    public async Task A_tampered_reset_link_is_refused()
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();
        await client.SubmitFormAsync("/account/forgotten-password", new Dictionary<string, string> { ["Email"] = DemoSeeder.TenantEmail });
        var link = Mailbox.Link(await Mailbox.WaitForEmailAsync(factory.EmailFolder, DemoSeeder.TenantEmail, "Reset your password"), "/account/reset-password");

        var document = await client.GetDocumentAsync(link.PathAndQuery.Replace("code=", "code=AAAA", StringComparison.Ordinal));

        Assert.Equal("This link has expired or has already been used", document.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Changing_the_password_signs_out_other_sessions_but_keeps_this_one()
    {
        using var factory = new PortalAppFactory(services => services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        var phone = factory.CreateBrowserClient();
        var laptop = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(phone);
        await SignIn.AsTenantAsync(laptop);
        const string newPassword = "my changed tenant password";

        var change = await phone.SubmitFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoSeeder.Password,
            ["NewPassword"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });

        Assert.Equal("/account/change-password/done", change.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(new Uri("/account/change-password", UriKind.Relative))).StatusCode);
        var other = await laptop.GetAsync(new Uri("/account/change-password", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/account/sign-in", other.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        await Mailbox.WaitForEmailAsync(factory.EmailFolder, DemoSeeder.TenantEmail, "Your password has been changed");
    }

    [Fact]
    public async Task Change_password_says_when_the_current_password_is_wrong()
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        var document = await (await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not my password",
            ["NewPassword"] = "my changed tenant password",
            ["ConfirmPassword"] = "my changed tenant password",
        })).GetDocumentAsync();

        Assert.Equal("Your current password is not right", document.FieldError("CurrentPassword"));
    }

    [Fact]
    public async Task A_very_long_password_is_accepted()
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();
        var longPassword = string.Concat(Enumerable.Repeat("long passphrase ", 12)); // 192 characters

        var response = await AccountJourneys.RegisterAsync(client, AccountJourneys.Grace(), "grace.long@example.org", longPassword);

        Assert.Equal("/account/register/check-your-email", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("password123", true)]
    [InlineData("PASSWORD123", true)]
    [InlineData("1234567890", true)]
    [InlineData("Qwertyuiop", true)]
    [InlineData("purple kettle harbour", false)]
    public void Common_passwords_are_recognised_without_regard_to_case(string password, bool common)
    {
        Assert.Equal(common, CommonPasswordValidator.IsCommon(password));
    }

    [Fact]
    public async Task The_common_password_validator_is_used_by_identity()
    {
        using var factory = new PortalAppFactory();
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Web.Data.Portal.PortalUser>>();

        var result = await users.PasswordValidators.Single(v => v is CommonPasswordValidator)
            .ValidateAsync(users, new Web.Data.Portal.PortalUser { DisplayName = "x" }, "iloveyou123");

        Assert.Equal(CommonPasswordValidator.ErrorCode, Assert.Single(result.Errors).Code);
    }
}
