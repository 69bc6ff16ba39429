using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Account;

[AllowAnonymous]
[Route("account")]
public sealed class SignInController(SignInManager<PortalUser> signInManager, UserManager<PortalUser> users, SignInThrottle throttle, TimeProvider clock) : AccountPageController
{
    public const string ThrottledMessage = "There have been too many attempts to sign in with this email address. Wait 15 minutes and try again, or reset your password.";

    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl, string? reason)
    {
        var (why, kept) = SessionTimeout.Parse(reason);
        ViewData["SignedOutBecause"] = (why, kept) switch
        {
            (SessionTimeout.Idle, true) => "You were signed out after 30 minutes without activity. What you typed has been kept: sign in again to check it and send it.",
            (SessionTimeout.Idle, false) => "You were signed out after 30 minutes without activity, to keep your account safe. Sign in again to carry on: anything you had already saved is still there.",
            (SessionTimeout.Ended, true) => "You were signed out. What you typed has been kept: sign in again to check it and send it.",
            (SessionTimeout.Ended, false) => "You were signed out. Sign in again to carry on.",
            _ => null,
        };
        return View(new SignInForm { ReturnUrl = returnUrl });
    }

    /// <summary>"Stay signed in" on the two-minute warning: any signed-in request renews the session, this one does
    /// nothing else.</summary>
    [HttpPost("keep-alive")]
    [Infrastructure.Security.SameOriginPost]
    public IActionResult KeepAlive() => User.Identity?.IsAuthenticated == true ? NoContent() : Unauthorized();

    [HttpPost("sign-in")]
    [EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        // Throttled by the address typed and the client, before the account is even looked up: known and unknown
        // addresses are treated alike, and no stranger can lock the owner out (Identity's own lockout is only used
        // for wrong authenticator codes, which need the password first).
        var email = form.Email!.Trim();
        var client = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (throttle.IsThrottled(email, client))
        {
            ModelState.AddModelError(nameof(form.Email), ThrottledMessage);
            return View(form);
        }

        var user = await users.FindByEmailAsync(email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(email, client);
        }

        if (result.Succeeded)
        {
            await RecordSignInAsync(user!);
            return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = SafeReturnUrl(form.ReturnUrl) });
        }

        // Identity refuses a locked, unconfirmed or disabled account before it checks the password; only say why once
        // the password is proved right, so a stranger cannot learn anything about an address.
        var passwordRight = (result.IsLockedOut || result.IsNotAllowed) && user is not null && await users.CheckPasswordAsync(user, form.Password!);
        if (passwordRight && result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(form.Email), "Your account is locked for 15 minutes after too many wrong codes. Try again later, or reset your password.");
        }
        else if (passwordRight)
        {
            ModelState.AddModelError(nameof(form.Email), user!.IsDisabled
                ? "This account has been disabled. Call us if you need it back."
                : "You need to confirm your email address before you can sign in. Follow the link in the email we sent you, or get a new link from the 'send the link again' page.");
        }
        else
        {
            throttle.RecordFailure(email, client);
            ModelState.AddModelError(nameof(form.Email), throttle.IsThrottled(email, client) ? ThrottledMessage : "The email address or password is not right");
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

    /// <summary>"Are you sure?": only reached when a sign-out could not be shown to come from this site (a browser or
    /// proxy that sent a foreign Origin). Its form carries an antiforgery token, which the sign-out then accepts.</summary>
    [HttpGet("sign-out")]
    public IActionResult ConfirmSignOut() =>
        User.Identity?.IsAuthenticated == true ? View() : RedirectToAction(nameof(Home.HomeController.Index), "Home", new { area = "" });

    /// <summary>The layout's sign-out button: no antiforgery token on every page, the browser's same-origin headers instead
    /// (<see cref="Infrastructure.Security.SameOriginPostAttribute"/>).</summary>
    [HttpPost("sign-out")]
    [Infrastructure.Security.SameOriginPost(RefusedAction = nameof(ConfirmSignOut))]
    public async Task<IActionResult> SignOutUser()
    {
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(Home.HomeController.Index), "Home", new { area = "" });
    }

    private async Task RecordSignInAsync(PortalUser user)
    {
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
    }
}
