using System.Security.Claims;
using TenantPortal.Web.Features.Account;

namespace TenantPortal.Tests.Accounts;

/// <summary>ASVS 3.3.4 as docs/accounts.md applies it: a session ends 12 hours after sign-in, however active.</summary>
public sealed class SessionLifetimeTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 3, 28, 23, 30, 0, TimeSpan.Zero); // the night clocks go forward

    [Theory]
    [InlineData(0, false)]
    [InlineData((12 * 3600) - 1, false)] // 11:59:59 after sign-in
    [InlineData(12 * 3600, true)]        // 12:00:00: ended
    public void A_session_has_ended_from_exactly_twelve_hours_after_sign_in(int secondsLater, bool ended)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([SessionClaims.SignedInAtClaim(SignedIn)], "test"));

        Assert.Equal(ended, SessionClaims.HasExpired(principal, SignedIn.AddSeconds(secondsLater)));
    }

    [Fact]
    public void A_session_without_a_sign_in_time_has_ended() =>
        Assert.True(SessionClaims.HasExpired(new ClaimsPrincipal(new ClaimsIdentity()), SignedIn));
}
