using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TenantPortal.Web.Features.Account;

/// <summary>Why a signed-in user was sent to the sign-in page, so the page can say so (the reason rides in the query
/// string: never personal data), and how long the current session has left, for the script that warns two minutes
/// before the 30-minute idle sign-out.</summary>
public static class SessionTimeout
{
    public const string ReasonParameter = "reason";

    /// <summary>The session cookie was sent but has run out after 30 minutes without activity.</summary>
    public const string Idle = "idle";

    /// <summary>The session was ended another way: the 12-hour limit, or signing out on another device.</summary>
    public const string Ended = "ended";

    private const string KeptSuffix = "-kept";

    /// <summary>The reason, when what the user had just sent was kept (<see cref="KeptForms"/>).</summary>
    public static string Kept(string reason) => reason + KeptSuffix;

    /// <summary>The reason without "kept", and whether something was kept.</summary>
    public static (string? Reason, bool Kept) Parse(string? reason) =>
        reason is not null && reason.EndsWith(KeptSuffix, StringComparison.Ordinal) ? (reason[..^KeptSuffix.Length], true) : (reason, false);

    private const string EndedItem = "TenantPortal.SessionEnded";

    public static readonly TimeSpan WarningBefore = TimeSpan.FromMinutes(2);

    /// <summary>Called when the server closes a session that the cookie still claims.</summary>
    public static void MarkEnded(HttpContext context) => context.Items[EndedItem] = true;

    /// <summary>The reason to give on the sign-in page, or null when the visitor was not signed in at all.</summary>
    public static string? ReasonFor(HttpContext context, CookieAuthenticationOptions options)
    {
        var hadCookie = context.Request.Cookies.ContainsKey(options.Cookie.Name!);
        return !hadCookie ? null : context.Items.ContainsKey(EndedItem) ? Ended : Idle;
    }

    /// <summary>Seconds until the session ends without activity. Sliding expiration renews the cookie only once more
    /// than half its time has gone, exactly as <see cref="CookieAuthenticationHandler"/> decides, so a renewed
    /// session has the whole window again.</summary>
    public static int? SecondsLeft(HttpContext context, TimeProvider clock)
    {
        var properties = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties;
        if (context.User.Identity?.IsAuthenticated != true || properties?.ExpiresUtc is not { } expires || properties.IssuedUtc is not { } issued)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var window = Window(context);
        var left = expires - now;
        if (left < now - issued)
        {
            left = window;
        }

        return (int)Math.Max(0, left.TotalSeconds);
    }

    /// <summary>The idle window (30 minutes) that every signed-in request starts again.</summary>
    public static TimeSpan Window(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;
}
