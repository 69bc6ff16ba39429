using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QRCoder;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Account;

/// <summary>Officers set up an authenticator app (TOTP): a QR code drawn on the server, the key for typing in by
/// hand, a code to prove it works, then recovery codes shown once.</summary>
[Authorize]
[Route("account/two-factor/set-up")]
public sealed class TwoFactorSetupController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signInManager,
    IOptions<LandlordOptions> landlord) : AccountPageController
{
    [HttpGet("")]
    public async Task<IActionResult> SetUpAuthenticator()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Home.HomeController.Index), "Home", new { area = "" });
        }

        return View(await BuildModelAsync(user, new SetUpAuthenticatorForm()));
    }

    [HttpPost("")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(PortalServices.AuthRateLimit)]
    public async Task<IActionResult> SetUpAuthenticator(SetUpAuthenticatorForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Home.HomeController.Index), "Home", new { area = "" });
        }

        if (ModelState.IsValid)
        {
            var code = form.Code!.Replace(" ", "", StringComparison.Ordinal).Trim();
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                var recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];

                // They have just proved both factors: a fresh session that counts as two-factor.
                await signInManager.SignInWithClaimsAsync(user, new AuthenticationProperties(), [new Claim(SessionClaims.AuthenticationMethod, "mfa")]);

                // Shown once, in this response only: they are stored hashed and never shown again.
                return View("RecoveryCodes", recoveryCodes);
            }

            ModelState.AddModelError("Form.Code", "The code is not right. Check the app shows the account you just added and enter the current code");
        }

        return View(await BuildModelAsync(user, form));
    }

    private async Task<SetUpAuthenticatorModel> BuildModelAsync(PortalUser user, SetUpAuthenticatorForm form)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was created.");
        }

        var issuer = landlord.Value.Name;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? "")}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
        return new SetUpAuthenticatorModel(QrCodeDataUri(uri), FormatKey(key), form);
    }

    public static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
