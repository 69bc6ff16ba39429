using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Features.ContactDetails;

namespace TenantPortal.Web.Features.Help;

public sealed record CookieDescription(string Name, string Purpose, string Expires);

/// <summary>Every cookie the portal sets, all of them essential (no analytics, no advertising, so no consent banner is
/// needed under the PECR "strictly necessary" exemption). The names are read from the same settings that set the
/// cookies, so the cookies page always lists what the browser really receives.</summary>
public sealed class EssentialCookies(
    IOptionsMonitor<CookieAuthenticationOptions> authentication,
    IOptions<AntiforgeryOptions> antiforgery,
    IOptions<CookieTempDataProviderOptions> tempData)
{
    public IReadOnlyList<CookieDescription> All() =>
    [
        new(Name(IdentityConstants.ApplicationScheme), "Keeps you signed in. It ends when you sign out.", $"When you sign out, or {After(Lifetime(IdentityConstants.ApplicationScheme))} without activity"),
        new(antiforgery.Value.Cookie.Name!, "Stops other websites sending forms to this one in your name.", "When you close your browser"),
        new(tempData.Value.Cookie.Name!, "Carries a one-off message to the next page, like \"Your refund has been sent\".", "When you close your browser"),
        new(Name(IdentityConstants.TwoFactorUserIdScheme), "Remembers who you are between your password and your security code (staff only).", Capitalised(After(Lifetime(IdentityConstants.TwoFactorUserIdScheme)))),
        new(Name(IdentityConstants.TwoFactorRememberMeScheme), "Remembers that this device passed the security code step (staff only).", Capitalised(After(Lifetime(IdentityConstants.TwoFactorRememberMeScheme)))),
        new(RegistrationJourney.Cookie, "Remembers where you are in creating your account (a random number: your answers are kept on our server).", Capitalised(After(RegistrationJourney.ProofLifetime))),
        new(KeptForms.Cookie, "Says that what you typed when you were signed out has been kept on our server, so we can offer it back after you sign in again. It holds none of the text.", Capitalised(After(KeptForms.Lifetime))),
        new(RecentPassword.CookieName, "Remembers that you entered your password again before changing your email address.", Capitalised(After(RecentPassword.Lifetime))),
    ];

    private string Name(string scheme) => authentication.Get(scheme).Cookie.Name!;

    private TimeSpan Lifetime(string scheme) => authentication.Get(scheme).ExpireTimeSpan;

    private static string After(TimeSpan lifetime) => lifetime.TotalDays >= 1
        ? $"after {lifetime.TotalDays:0} days"
        : lifetime.TotalMinutes > 60 && lifetime.Minutes == 0 ? $"after {lifetime.TotalHours:0} hours" : $"after {lifetime.TotalMinutes:0} minutes";

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
