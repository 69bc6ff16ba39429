using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Account;

/// <summary>Forgotten password (a link by email, the same answer whether or not the address has an account), reset
/// from the link, and change password while signed in (which signs the account out everywhere else).</summary>
[Route("account")]
public sealed class PasswordController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signInManager,
    PortalDbContext portal,
    AccountEmails emails,
    SignInThrottle throttle) : AccountPageController
{
    [AllowAnonymous]
    [HttpGet("forgotten-password")]
    public IActionResult ForgottenPassword() => View(new EmailForm());

    [AllowAnonymous]
    [HttpPost("forgotten-password")]
    [EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> ForgottenPassword(EmailForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is { IsDisabled: false } && await users.HasPasswordAsync(user))
        {
            emails.ResetPassword(portal, user, await users.GeneratePasswordResetTokenAsync(user));
            await portal.SaveChangesAsync(ct);
        }

        return RedirectToAction(nameof(ResetLinkSent));
    }

    [AllowAnonymous]
    [HttpGet("forgotten-password/check-your-email")]
    public IActionResult ResetLinkSent() => View();

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public async Task<IActionResult> ResetPassword(string? userId, string? code)
    {
        var user = await FindUserWithValidResetTokenAsync(userId, code);
        return user is null ? View("ResetLinkExpired") : View(new TokenPasswordForm { UserId = userId, Code = code });
    }

    [AllowAnonymous]
    [HttpPost("reset-password")]
    [EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> ResetPassword(TokenPasswordForm form, CancellationToken ct)
    {
        var user = await FindUserWithValidResetTokenAsync(form.UserId, form.Code);
        if (user is null)
        {
            return View("ResetLinkExpired");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await users.ResetPasswordAsync(user, AccountEmails.DecodeToken(form.Code)!, form.NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken"))
            {
                return View("ResetLinkExpired");
            }

            AddPasswordErrors(nameof(form.NewPassword), result.Errors);
            return View(form);
        }

        // Following the emailed link proves they own the address; a locked-out tenant can get back in this way.
        user.EmailConfirmed = true;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        await users.UpdateAsync(user);
        throttle.Forget(user.Email!);
        emails.PasswordChanged(portal, user);
        await portal.SaveChangesAsync(ct);
        return RedirectToAction(nameof(PasswordResetDone));
    }

    [AllowAnonymous]
    [HttpGet("reset-password/done")]
    public IActionResult PasswordResetDone() => View();

    [Authorize]
    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [Authorize]
    [HttpPost("change-password")]
    [EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Changing the password updates the security stamp, so every other session of the account fails its next
        // stamp check (within a minute) and is signed out. This session is signed in again with the new stamp.
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "PasswordMismatch"))
            {
                ModelState.AddModelError(nameof(form.CurrentPassword), "Your current password is not right");
            }

            AddPasswordErrors(nameof(form.NewPassword), result.Errors.Where(e => e.Code != "PasswordMismatch"));
            return View(form);
        }

        await signInManager.RefreshSignInAsync(user);
        emails.PasswordChanged(portal, user);
        await portal.SaveChangesAsync(ct);
        return RedirectToAction(nameof(PasswordChanged));
    }

    [Authorize]
    [HttpGet("change-password/done")]
    public IActionResult PasswordChanged() => View();

    private async Task<PortalUser?> FindUserWithValidResetTokenAsync(string? userId, string? code)
    {
        var token = AccountEmails.DecodeToken(code);
        if (string.IsNullOrEmpty(userId) || token is null)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null || user.IsDisabled)
        {
            return null;
        }

        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }
}
