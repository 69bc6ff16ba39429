using System.Globalization;
using System.Security.Claims;

namespace TenantPortal.Web.Features.Account;

/// <summary>Claims that describe the sign-in session itself: when it began (for the 12-hour absolute limit) and a
/// fresh identifier for each sign-in.</summary>
public static class SessionClaims
{
    public const string SignedInAt = "tp:signed_in_at";
    public const string SessionId = "tp:sid";
    public const string AuthenticationMethod = "amr";
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    public static Claim SignedInAtClaim(DateTimeOffset now) =>
        new(SignedInAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    /// <summary>True when the session began 12 hours ago or more (at 12:00:00 it has ended), or carries no start time
    /// (never issued by us).</summary>
    public static bool HasExpired(ClaimsPrincipal? principal, DateTimeOffset now)
    {
        var value = principal?.FindFirstValue(SignedInAt);
        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return true;
        }

        return now - DateTimeOffset.FromUnixTimeSeconds(seconds) >= AbsoluteLifetime;
    }

    public static bool UsedTwoFactor(this ClaimsPrincipal user) => user.HasClaim(AuthenticationMethod, "mfa");

    public static bool IsStaff(this ClaimsPrincipal user) =>
        user.IsInRole(Infrastructure.Security.PortalRoles.Officer) || user.IsInRole(Infrastructure.Security.PortalRoles.Administrator);
}
