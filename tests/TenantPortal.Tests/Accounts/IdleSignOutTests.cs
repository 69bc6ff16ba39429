using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Accounts;

/// <summary>The 30-minute idle sign-out, said plainly: the sign-in page gives the reason, the page warns two minutes
/// before (site.js reads how long is left from the page), and "stay signed in" keeps the session going.</summary>
public sealed class IdleSignOutTests
{
    [Fact]
    public async Task After_thirty_minutes_without_activity_the_sign_in_page_says_why_and_returns_to_the_page()
    {
        var (factory, clock, client) = await SignedInAsync();
        using var _ = factory;

        clock.Advance(TimeSpan.FromMinutes(31));
        var response = await client.GetAsync(new Uri("/repairs", UriKind.Relative));
        var signIn = await client.GetDocumentAsync(response.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("returnUrl=%2Frepairs", response.Headers.Location.Query, StringComparison.Ordinal);
        Assert.StartsWith("You were signed out after 30 minutes without activity", signIn.QuerySelector("#signed-out").Text().Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_was_never_signed_in_gets_no_reason()
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync(new Uri("/repairs", UriKind.Relative));
        var signIn = await client.GetDocumentAsync(response.Headers.Location!.PathAndQuery);

        Assert.DoesNotContain("reason=", response.Headers.Location.Query, StringComparison.Ordinal);
        Assert.Null(signIn.QuerySelector("#signed-out"));
    }

    [Theory]
    [InlineData(0, 1800)]
    [InlineData(10, 1200)]  // less than half the window gone: the cookie is not renewed yet, 20 minutes are left
    [InlineData(16, 1800)]  // more than half gone: this request renews the cookie, the whole window again
    public async Task Each_page_says_how_long_the_session_has_left_for_the_two_minute_warning(int minutesIdle, int secondsLeft)
    {
        var (factory, clock, client) = await SignedInAsync();
        using var _ = factory;

        clock.Advance(TimeSpan.FromMinutes(minutesIdle));
        var page = await client.GetDocumentAsync("/repairs");

        Assert.Equal(secondsLeft.ToString(CultureInfo.InvariantCulture), page.QuerySelector("meta[name=session-seconds]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Stay_signed_in_keeps_the_session_past_the_thirty_minutes()
    {
        var (factory, clock, client) = await SignedInAsync();
        using var _ = factory;
        await client.GetAsync(new Uri("/repairs", UriKind.Relative));

        clock.Advance(TimeSpan.FromMinutes(28));
        // What site.js sends: no token (the layout mints none), the browser's own same-origin header.
        using var keepAliveRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/keep-alive", UriKind.Relative)) { Content = new FormUrlEncodedContent([]) };
        keepAliveRequest.Headers.Add("Sec-Fetch-Site", "same-origin");
        var keepAlive = await client.SendAsync(keepAliveRequest);
        clock.Advance(TimeSpan.FromMinutes(10));
        var later = await client.GetAsync(new Uri("/repairs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, keepAlive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Pages_for_visitors_who_are_not_signed_in_have_no_timer()
    {
        using var factory = new PortalAppFactory();

        var page = await factory.CreateBrowserClient().GetDocumentAsync("/help");

        Assert.Null(page.QuerySelector("meta[name=session-seconds]")?.GetAttribute("content"));
    }

    /// <summary>An app on a fake clock (<see cref="TestClock.Fake"/>) with the demo tenant signed in.</summary>
    internal static async Task<(PortalAppFactory Factory, Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock, HttpClient Client)> SignedInAsync()
    {
        var clock = TestClock.Fake();
        var factory = new PortalAppFactory(services => services.AddSingleton<TimeProvider>(clock));
        var client = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);
        return (factory, clock, client);
    }
}
