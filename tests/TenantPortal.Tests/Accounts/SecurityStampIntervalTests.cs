using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Accounts;

/// <summary>The security stamp is checked once a minute (the interval is looked at before Identity's validator is built,
/// for speed): within the minute a changed stamp is not yet noticed, after it the session ends.</summary>
public sealed class SecurityStampIntervalTests
{
    [Fact]
    public async Task A_changed_security_stamp_signs_the_user_out_once_the_minute_between_checks_has_passed()
    {
        var (factory, clock, client) = await IdleSignOutTests.SignedInAsync();
        using var _ = factory;
        await ChangeStampAsync(factory);

        clock.Advance(TimeSpan.FromSeconds(30));
        var withinTheMinute = await client.GetAsync(new Uri("/repairs", UriKind.Relative));
        clock.Advance(TimeSpan.FromSeconds(31));
        var afterTheMinute = await client.GetAsync(new Uri("/repairs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, withinTheMinute.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterTheMinute.StatusCode);
        Assert.StartsWith("/account/sign-in", afterTheMinute.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unchanged_security_stamp_keeps_the_session_open_past_the_check()
    {
        var (factory, clock, client) = await IdleSignOutTests.SignedInAsync();
        using var _ = factory;

        clock.Advance(TimeSpan.FromSeconds(61));
        var checkedPage = await client.GetAsync(new Uri("/repairs", UriKind.Relative));
        clock.Advance(TimeSpan.FromSeconds(61));
        var nextCheck = await client.GetAsync(new Uri("/repairs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, checkedPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nextCheck.StatusCode);
    }

    private static async Task ChangeStampAsync(PortalAppFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(DemoSeeder.TenantEmail))!);
    }
}
