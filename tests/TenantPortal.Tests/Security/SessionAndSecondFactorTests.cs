using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Accounts;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Security;

/// <summary>ASVS 3.3.1 (sign-out ends the session on the server), 2.8.4 (an authenticator code works once) and
/// 2.8.3 (a short window), and the __Host- prefix on the cookie between the password and the code.</summary>
public sealed class SessionAndSecondFactorTests
{
    [Theory]
    [InlineData("tenant", "/contact-details")]
    [InlineData("officer", "/admin/tenancies/DEMO-0002")]
    public async Task A_copy_of_the_session_cookie_opens_nothing_after_sign_out(string who, string url)
    {
        using var factory = new PortalAppFactory();
        var browser = factory.CreateBrowserClient();
        var signedIn = await AccountJourneys.SignInAsync(browser, who == "tenant" ? DemoSeeder.TenantEmail : DemoSeeder.OfficerEmail, DemoSeeder.Password);
        if (who == "officer")
        {
            signedIn = await browser.SubmitFormAsync(signedIn.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.Code(DemoSeeder.OfficerAuthenticatorKey) });
        }

        var copied = SessionCookie(signedIn);
        var before = await WithCookieAsync(factory, copied, url);

        await browser.SubmitFormAsync(url, new Dictionary<string, string>(), "form.site-header__signout");
        var replayed = await WithCookieAsync(factory, copied, url);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/sign-in", replayed.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_in_one_browser_leaves_the_same_persons_other_session_open()
    {
        using var factory = new PortalAppFactory();
        var phone = factory.CreateBrowserClient();
        var laptop = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(phone);
        await SignIn.AsTenantAsync(laptop);

        await phone.SubmitFormAsync("/", new Dictionary<string, string>(), "form.site-header__signout");
        var stillOpen = await laptop.GetAsync(new Uri("/contact-details", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_a_second_browser_with_the_same_code_is_refused()
    {
        var (factory, clock) = StaffApp();
        using var _ = factory;
        var code = Totp.Code(DemoSeeder.OfficerAuthenticatorKey, clock.GetUtcNow());

        var first = await CodeStepAsync(factory, code);
        var second = await CodeStepAsync(factory, code);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("The code is not right. Check your authenticator app and enter the current code", (await second.GetDocumentAsync()).FieldError("Code"));
    }

    [Fact]
    public async Task A_code_older_than_the_last_one_accepted_is_refused_though_it_is_inside_the_window()
    {
        var (factory, clock) = StaffApp();
        using var _ = factory;
        var previousStep = Totp.Code(DemoSeeder.OfficerAuthenticatorKey, clock.GetUtcNow().AddSeconds(-30));
        await CodeStepAsync(factory, Totp.Code(DemoSeeder.OfficerAuthenticatorKey, clock.GetUtcNow()));

        var older = await CodeStepAsync(factory, previousStep);

        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
    }

    [Fact]
    public async Task A_code_from_one_step_ago_is_accepted_and_one_from_two_steps_ago_is_refused()
    {
        var (factory, clock) = StaffApp();
        using var _ = factory;

        var twoStepsAgo = await CodeStepAsync(factory, Totp.Code(DemoSeeder.OfficerAuthenticatorKey, clock.GetUtcNow().AddSeconds(-60)));
        var oneStepAgo = await CodeStepAsync(factory, Totp.Code(DemoSeeder.OfficerAuthenticatorKey, clock.GetUtcNow().AddSeconds(-30)));

        Assert.Equal(HttpStatusCode.OK, twoStepsAgo.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, oneStepAgo.StatusCode);
    }

    [Fact]
    public async Task The_cookie_between_the_password_and_the_code_is_host_prefixed_secure_and_http_only()
    {
        using var factory = new PortalAppFactory();

        var password = await AccountJourneys.SignInAsync(factory.CreateBrowserClient(), DemoSeeder.OfficerEmail, DemoSeeder.Password);

        var cookies = password.Headers.GetValues("Set-Cookie").ToList();
        var twoFactor = Assert.Single(cookies, c => c.StartsWith("__Host-TenantPortal.TwoFactor=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", twoFactor, StringComparison.Ordinal);
        Assert.Contains("; httponly", twoFactor, StringComparison.Ordinal);
        Assert.Contains("; path=/", twoFactor, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", twoFactor, StringComparison.Ordinal);
        Assert.DoesNotContain(cookies, c => c.StartsWith("Identity.", StringComparison.Ordinal));
    }

    /// <summary>An app whose clock stands 5 seconds into a 30-second step, so "this step" and "one step ago" never
    /// straddle a boundary while the test runs.</summary>
    private static (PortalAppFactory Factory, Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock) StaffApp()
    {
        // TestClock.Start (10:00:00) begins a step.
        var clock = TestClock.Fake(TestClock.Start.AddSeconds(5));
        return (new PortalAppFactory(services => services.AddSingleton<TimeProvider>(clock)), clock);
    }

    /// <summary>The officer's password in a fresh browser, then <paramref name="code"/> on the code page.</summary>
    private static async Task<HttpResponseMessage> CodeStepAsync(PortalAppFactory factory, string code)
    {
        var browser = factory.CreateBrowserClient();
        var password = await AccountJourneys.SignInAsync(browser, DemoSeeder.OfficerEmail, DemoSeeder.Password);
        return await browser.SubmitFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = code });
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-TenantPortal=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>Another machine presenting a copied cookie: no cookie jar, just the header.</summary>
    private static async Task<HttpResponseMessage> WithCookieAsync(PortalAppFactory factory, string cookie, string url)
    {
        var attacker = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://localhost"),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await attacker.SendAsync(request);
    }
}
