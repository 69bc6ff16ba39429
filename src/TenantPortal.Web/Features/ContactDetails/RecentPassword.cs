using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace TenantPortal.Web.Features.ContactDetails;

/// <summary>Remembers, for a few minutes, that the signed-in user has just typed their password again (before
/// changing an email address or phone number). Kept in its own encrypted cookie tied to the user's id.</summary>
public sealed class RecentPassword(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string CookieName = "__Host-TenantPortal.RecentPassword";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector protector = dataProtection.CreateProtector("TenantPortal.ContactDetails.RecentPassword.v1");

    public void Remember(HttpContext context)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var expires = clock.GetUtcNow().Add(Lifetime);
        var value = protector.Protect($"{userId}|{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
    }

    public bool IsRecent(HttpContext context)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return false;
        }

        try
        {
            var parts = protector.Unprotect(value).Split('|');
            return parts.Length == 2 && parts[0] == userId
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && DateTimeOffset.FromUnixTimeSeconds(expires) > clock.GetUtcNow();
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static void Forget(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Secure = true, Path = "/" });
}
