using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Account;

[AllowAnonymous]
[Route("account")]
public sealed class SignInController(SignInManager<PortalUser> signInManager, UserManager<PortalUser> users, TimeProvider clock) : AccountPageController
{
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in")]
    [EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email!.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await RecordSignInAsync(user!);
            return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = SafeReturnUrl(form.ReturnUrl) });
        }

        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(form.Email), "Your account is locked for 15 minutes because the password was entered wrongly too many times. Try again later, or reset your password.");
        }
        else if (result.IsNotAllowed && user is not null && await users.CheckPasswordAsync(user, form.Password!))
        {
            // Identity refuses before it checks the password; only say why once the password is proved right, so a
            // stranger cannot learn that an address has an unconfirmed or disabled account.
            ModelState.AddModelError(nameof(form.Email), user.IsDisabled
                ? "This account has been disabled. Call us if you need it back."
                : "You need to confirm your email address before you can sign in. Follow the link in the email we sent you, or get a new link from the 'send the link again' page.");
        }
        else
        {
            ModelState.AddModelError(nameof(form.Email), "The email address or password is not right");
        }

        return View(form);
    }

    [HttpGet("sign-in/code")]
    public async Task<IActionResult> TwoFactor(string? returnUrl)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(SignIn));
        }

        return View(new TwoFactorForm { ReturnUrl = returnUrl });
    }

    [HttpPost("sign-in/code")]
    [EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> TwoFactor(TwoFactorForm form)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(SignIn));
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var code = form.Code!.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await RecordSignInAsync(user);
            return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        }

        ModelState.AddModelError(nameof(form.Code), result.IsLockedOut
            ? "Your account is locked for 15 minutes after too many wrong codes"
            : "The code is not right. Check your authenticator app and enter the current code");
        return View(form);
    }

    [HttpGet("sign-in/recovery-code")]
    public async Task<IActionResult> RecoveryCode(string? returnUrl)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(SignIn));
        }

        return View(new RecoveryCodeForm { ReturnUrl = returnUrl });
    }

    [HttpPost("sign-in/recovery-code")]
    [EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> RecoveryCode(RecoveryCodeForm form)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(SignIn));
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(form.RecoveryCode!.Replace(" ", "", StringComparison.Ordinal).Trim());
        if (result.Succeeded)
        {
            await RecordSignInAsync(user);
            return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        }

        ModelState.AddModelError(nameof(form.RecoveryCode), result.IsLockedOut
            ? "Your account is locked for 15 minutes after too many wrong codes"
            : "That recovery code is not right, or has already been used");
        return View(form);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutUser()
    {
        await signInManager.SignOutAsync();
        return Redirect("/");
    }

    private async Task RecordSignInAsync(PortalUser user)
    {
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
    }
}
