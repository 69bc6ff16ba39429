using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Account;

[AllowAnonymous]
[Route("account/confirm-email")]
public sealed class EmailConfirmationController(UserManager<PortalUser> users, PortalDbContext portal, AccountEmails emails) : AccountPageController
{
    /// <summary>The link in the email. Confirming twice is harmless, so a mail scanner opening it does no damage.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Confirm(string? userId, string? code)
    {
        var token = AccountEmails.DecodeToken(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return View("ConfirmEmailFailed");
        }

        if (user.EmailConfirmed)
        {
            return View("EmailConfirmed");
        }

        var result = await users.ConfirmEmailAsync(user, token);
        return View(result.Succeeded ? "EmailConfirmed" : "ConfirmEmailFailed");
    }

    [HttpGet("send-again")]
    public IActionResult SendAgain() => View(new EmailForm());

    [HttpPost("send-again")]
    [EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> SendAgain(EmailForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        // Same answer whether or not there is an unconfirmed account with this address.
        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is { EmailConfirmed: false, IsDisabled: false, TenantId: not null })
        {
            emails.ConfirmEmail(portal, user, await users.GenerateEmailConfirmationTokenAsync(user));
            await portal.SaveChangesAsync(ct);
        }

        return RedirectToAction(nameof(Sent));
    }

    [HttpGet("sent")]
    public IActionResult Sent() => View("ConfirmationSent");
}
