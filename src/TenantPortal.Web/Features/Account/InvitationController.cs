using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Account;

/// <summary>An invited officer follows the emailed link, chooses a password, and is then sent to set up their
/// authenticator app (see <see cref="StaffTwoFactorFilter"/>).</summary>
[AllowAnonymous]
[Route("account/invitation")]
public sealed class InvitationController(UserManager<PortalUser> users, SignInManager<PortalUser> signInManager) : AccountPageController
{
    [HttpGet("")]
    public async Task<IActionResult> AcceptInvitation(string? userId, string? code)
    {
        var user = await FindInvitedUserAsync(userId, code);
        if (user is null)
        {
            return View("InvitationExpired");
        }

        ViewData["Email"] = user.Email;
        return View(new TokenPasswordForm { UserId = userId, Code = code });
    }

    [HttpPost("")]
    [EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> AcceptInvitation(TokenPasswordForm form)
    {
        var user = await FindInvitedUserAsync(form.UserId, form.Code);
        if (user is null)
        {
            return View("InvitationExpired");
        }

        ViewData["Email"] = user.Email;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await users.AddPasswordAsync(user, form.NewPassword!);
        if (!result.Succeeded)
        {
            AddPasswordErrors(nameof(form.NewPassword), result.Errors);
            return View(form);
        }

        // The emailed link proves the address. Adding the password changed the security stamp, so the link is spent.
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await signInManager.SignInAsync(user, isPersistent: false, authenticationMethod: "pwd");
        return Redirect(StaffTwoFactorFilter.SetupPath);
    }

    private async Task<PortalUser?> FindInvitedUserAsync(string? userId, string? code)
    {
        var token = AccountEmails.DecodeToken(code);
        if (string.IsNullOrEmpty(userId) || token is null)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null || user.IsDisabled || await users.HasPasswordAsync(user))
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, AccountsFeature.InvitationTokenProvider, AccountsFeature.InvitationPurpose, token) ? user : null;
    }
}
