using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TenantPortal.Web.Features.Account;

/// <summary>Whether this request is due Identity's security-stamp check (<see cref="SecurityStampValidatorOptions.ValidationInterval"/>,
/// a minute here, since the cookie was issued or last renewed), worked out the same way as
/// <see cref="SecurityStampValidator{TUser}"/> does, but before that validator (and the sign-in manager, user manager and
/// stores it needs) is built: on most requests no check is due, and building it cost about a tenth of a page's CPU.
/// When a check is due, the validator runs exactly as before: a changed stamp signs the user out.</summary>
public static class SecurityStampCheck
{
    public static bool IsDue(CookieValidatePrincipalContext context, TimeProvider clock)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var issuedUtc = context.Properties.IssuedUtc;
        return issuedUtc is null || (options.TimeProvider ?? clock).GetUtcNow() - issuedUtc.Value > options.ValidationInterval;
    }
}
