using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Account;

namespace TenantPortal.Tests.Accounts;

/// <summary>Registration's state lives in the portal database (JourneyStates), found by an opaque random id in an
/// essential cookie: any instance serves any step, and the proof of who you are lasts 30 minutes.</summary>
public sealed class RegistrationJourneyTests
{
    private static readonly Uri Localhost = new("https://localhost");

    [Fact]
    public async Task A_registration_matched_on_one_instance_is_finished_on_another_that_shares_only_the_database()
    {
        using var first = new PortalAppFactory();
        using var second = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Housing"] = first.ConnectionString,
            ["ConnectionStrings:Portal"] = first.ConnectionString,
        });
        var cookies = new CookieContainer();
        var onFirst = first.CreateDefaultClient(Localhost, new CookieContainerHandler(cookies));
        var onSecond = second.CreateDefaultClient(Localhost, new CookieContainerHandler(cookies));

        var matched = await onFirst.SubmitFormAsync("/account/register", AccountJourneys.Grace());
        var journeyId = cookies.GetCookies(Localhost)[RegistrationJourney.Cookie]?.Value;
        var row = await RowAsync(first);
        var created = await onSecond.SubmitFormAsync("/account/register/your-account", new Dictionary<string, string>
        {
            ["Email"] = "grace.two.servers@example.org",
            ["Password"] = AccountJourneys.GoodPassword,
            ["ConfirmPassword"] = AccountJourneys.GoodPassword,
        });

        Assert.Equal("/account/register/your-account", matched.Headers.Location?.OriginalString);
        Assert.Matches("^[0-9A-F]{64}$", journeyId);
        Assert.NotNull(row);
        Assert.Equal($"visitor:{journeyId}", row.OwnerUserId);
        Assert.Equal("/account/register/check-your-email", created.Headers.Location?.OriginalString);
        Assert.True(await WithPortalAsync(first, db => db.Users.AnyAsync(u => u.Email == "grace.two.servers@example.org")));
        Assert.Null(await RowAsync(first));
    }

    [Fact]
    public async Task The_proof_of_who_you_are_lasts_30_minutes_then_the_visitor_starts_again()
    {
        var clock = TestClock.Fake();
        using var app = new PortalAppFactory(s => s.AddSingleton<TimeProvider>(clock));
        var client = app.CreateBrowserClient();
        await client.SubmitFormAsync("/account/register", AccountJourneys.Grace());

        clock.Advance(TimeSpan.FromMinutes(30));
        var atThirtyMinutes = await client.GetAsync(new Uri("/account/register/your-account", UriKind.Relative));
        clock.Advance(TimeSpan.FromSeconds(1));
        var justAfter = await client.GetAsync(new Uri("/account/register/your-account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, atThirtyMinutes.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, justAfter.StatusCode);
        Assert.Equal("/account/register", justAfter.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_made_up_journey_id_proves_nothing()
    {
        using var app = new PortalAppFactory();
        var cookies = new CookieContainer();
        cookies.Add(Localhost, new Cookie(RegistrationJourney.Cookie, new string('A', 64)) { Secure = true, Path = "/" });
        var client = app.CreateDefaultClient(Localhost, new CookieContainerHandler(cookies));

        var response = await client.GetAsync(new Uri("/account/register/your-account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/register", response.Headers.Location?.OriginalString);
    }

    private static Task<JourneyState?> RowAsync(PortalAppFactory app) =>
        WithPortalAsync(app, db => db.JourneyStates.AsNoTracking().SingleOrDefaultAsync(j => j.Journey == RegistrationJourney.Journey));

    private static async Task<T> WithPortalAsync<T>(PortalAppFactory app, Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
