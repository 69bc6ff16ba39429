using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TenantPortal.Web.Features.Account;

/// <summary>Officers and administrators must have signed in with two-factor authentication. One who has not set up
/// an authenticator yet (just invited, or reset by an administrator) is sent to set it up before anything else.</summary>
public sealed class StaffTwoFactorFilter : IAuthorizationFilter
{
    public const string SetupPath = "/account/two-factor/set-up";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true || !user.IsStaff() || user.UsedTwoFactor())
        {
            return;
        }

        var path = context.HttpContext.Request.Path;
        if (path.StartsWithSegments("/account/two-factor") || path.StartsWithSegments("/account/sign-out") || path.StartsWithSegments("/error"))
        {
            return;
        }

        context.Result = new RedirectResult(SetupPath);
    }
}
