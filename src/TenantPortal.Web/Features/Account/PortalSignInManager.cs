using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Account;

/// <summary>Identity's sign-in manager with the portal's session rules: every sign-in gets a new session identifier
/// and its start time (checked against the 12-hour absolute limit); disabled accounts cannot sign in, and their
/// existing sessions fail the security stamp check.</summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    TimeProvider clock)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var sessionId = Guid.NewGuid().ToString("N");
        var claims = additionalClaims.Where(c => c.Type is not (SessionClaims.SignedInAt or SessionClaims.SessionId)).ToList();
        claims.Add(SessionClaims.SignedInAtClaim(clock.GetUtcNow()));
        claims.Add(new Claim(SessionClaims.SessionId, sessionId));

        var current = Context.User;
        var replaced = current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id ? current.FindFirstValue(SessionClaims.SessionId) : null;
        await Context.RequestServices.GetRequiredService<ServerSessions>().StartAsync(user.Id, sessionId, replaced);
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    /// <summary>Ends this session on the server too, so a copy of its cookie opens nothing afterwards.</summary>
    public override async Task SignOutAsync()
    {
        var userId = Context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = Context.User.FindFirstValue(SessionClaims.SessionId);
        if (userId is not null && sessionId is not null)
        {
            await Context.RequestServices.GetRequiredService<ServerSessions>().EndAsync(userId, sessionId);
        }

        await base.SignOutAsync();
    }

    public override async Task<bool> CanSignInAsync(PortalUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<PortalUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: true } ? null : user;
    }
}
