using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Account;

[AllowAnonymous]
[Route("account")]
public sealed class SignInController(SignInManager<PortalUser> signInManager, UserManager<PortalUser> users, TimeProvider clock) : Controller
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

        var user = await users.FindByEmailAsync(form.Email!);
        if (user is { IsDisabled: true })
        {
            ModelState.AddModelError(nameof(form.Email), "This account has been disabled. Call us if you need it back.");
            return View(form);
        }

        var result = await signInManager.PasswordSignInAsync(form.Email!, form.Password!, isPersistent: false, lockoutOnFailure: true);
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
        else if (result.IsNotAllowed)
        {
            ModelState.AddModelError(nameof(form.Email), "You need to confirm your email address before you can sign in. Follow the link in the email we sent you.");
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

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
