using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Accounts;

public sealed class SignInAndSessionTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    [Fact]
    public async Task An_account_cannot_sign_in_until_its_email_address_is_confirmed()
    {
        var client = app.Factory.CreateBrowserClient();
        await AccountJourneys.RegisterAsync(client, AccountJourneys.Grace(), "grace.unconfirmed@example.org");

        var response = await AccountJourneys.SignInAsync(app.Factory.CreateBrowserClient(), "grace.unconfirmed@example.org", AccountJourneys.GoodPassword);
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("confirm your email address", document.FieldError("Email"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unconfirmed_account_with_a_wrong_password_gets_the_ordinary_wrong_password_message()
    {
        var client = app.Factory.CreateBrowserClient();
        await AccountJourneys.RegisterAsync(client, AccountJourneys.Sam(), "sam.unconfirmed@example.org");

        var document = await (await AccountJourneys.SignInAsync(app.Factory.CreateBrowserClient(), "sam.unconfirmed@example.org", "not the password at all")).GetDocumentAsync();

        Assert.Equal("The email address or password is not right", document.FieldError("Email"));
    }

    [Fact]
    public async Task The_sixth_attempt_after_five_wrong_passwords_is_refused_even_with_the_right_password()
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
        {
            await AccountJourneys.SignInAsync(client, DemoSeeder.TenantEmail, "wrong password " + i);
        }

        var response = await AccountJourneys.SignInAsync(client, DemoSeeder.TenantEmail, DemoSeeder.Password);
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("There have been too many attempts to sign in with this email address", document.FieldError("Email"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();
        for (var i = 0; i < 4; i++)
        {
            await AccountJourneys.SignInAsync(client, DemoSeeder.TenantEmail, "wrong password " + i);
        }

        var response = await AccountJourneys.SignInAsync(client, DemoSeeder.TenantEmail, DemoSeeder.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_host_prefixed_secure_http_only_same_site_lax_for_the_whole_site()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await AccountJourneys.SignInAsync(client, DemoSeeder.TenantEmail, DemoSeeder.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-TenantPortal=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        Assert.DoesNotContain(attributes, a => a.StartsWith("expires=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_sign_in_issues_a_new_session_cookie()
    {
        var client = app.Factory.CreateBrowserClient();

        var first = await AccountJourneys.SignInAsync(client, DemoSeeder.TenantEmail, DemoSeeder.Password);
        var second = await AccountJourneys.SignInAsync(client, DemoSeeder.TenantEmail, DemoSeeder.Password);

        Assert.NotEqual(SessionCookie(first), SessionCookie(second));
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_rejected()
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = DemoSeeder.TenantEmail,
            ["Password"] = DemoSeeder.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("__Host-TenantPortal=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        var signOut = await client.SubmitFormAsync("/", new Dictionary<string, string>(), "form.site-header__signout");
        var after = await client.GetAsync(new Uri("/account/change-password", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_even_when_it_is_kept_active()
    {
        var clock = TestClock.Fake();
        using var factory = new PortalAppFactory(services => services.AddSingleton<TimeProvider>(clock));
        var client = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        // Active every 20 minutes: the 30-minute sliding window never runs out, but 12 hours is the limit.
        for (var elapsed = TimeSpan.FromMinutes(20); elapsed < TimeSpan.FromHours(11.9); elapsed += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/account/change-password", UriKind.Relative))).StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(20));
        var response = await client.GetAsync(new Uri("/account/change-password", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ends_after_thirty_minutes_without_activity()
    {
        var clock = TestClock.Fake();
        using var factory = new PortalAppFactory(services => services.AddSingleton<TimeProvider>(clock));
        var client = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        clock.Advance(TimeSpan.FromMinutes(31));
        var response = await client.GetAsync(new Uri("/account/change-password", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_their_open_session_ends()
    {
        using var factory = new PortalAppFactory(services => services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        var open = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(open);

        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(DemoSeeder.TenantEmail))!;
            user.IsDisabled = true;
            await users.UpdateSecurityStampAsync(user);
        }

        var openSession = await open.GetAsync(new Uri("/account/change-password", UriKind.Relative));
        var signIn = await AccountJourneys.SignInAsync(factory.CreateBrowserClient(), DemoSeeder.TenantEmail, DemoSeeder.Password);

        Assert.Equal(HttpStatusCode.Redirect, openSession.StatusCode);
        Assert.StartsWith("/account/sign-in", openSession.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("disabled", (await signIn.GetDocumentAsync()).FieldError("Email"), StringComparison.Ordinal);
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-TenantPortal=", StringComparison.Ordinal)).Split(';')[0];
}
