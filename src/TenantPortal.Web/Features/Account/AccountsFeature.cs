using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Account;

public static class AccountsFeature
{
    /// <summary>Token provider name for officer invitations (valid for 7 days; other account links for 24 hours).</summary>
    public const string InvitationTokenProvider = "Invitation";
    public const string InvitationPurpose = "Invitation";

    public static IServiceCollection AddAccountsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.Section));
        services.AddScoped<SignInManager<PortalUser>, PortalSignInManager>();
        services.AddScoped<IPasswordValidator<PortalUser>, CommonPasswordValidator>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<RegistrationJourney>();
        services.AddSingleton<Infrastructure.Web.PublicLinks>();
        services.AddScoped<ServerSessions>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<KeptForms>();
        services.AddSingleton<FormPages>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[InvitationTokenProvider] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            o.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(SingleUseAuthenticatorTokenProvider));
        });
        services.AddTransient<InvitationTokenProvider>();
        services.AddScoped<SingleUseAuthenticatorTokenProvider>();
        services.Configure<InvitationTokenProviderOptions>(o =>
        {
            o.Name = "InvitationDataProtectorTokenProvider";
            o.TokenLifespan = TimeSpan.FromDays(7);
        });
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));

        services.ConfigureApplicationCookie(o =>
        {
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                // Past the 12-hour limit, or no longer open on the server (signing out closes it): the cookie is dead,
                // whatever it says.
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
                var sessionId = context.Principal?.FindFirstValue(SessionClaims.SessionId);
                var sessions = context.HttpContext.RequestServices.GetRequiredService<ServerSessions>();
                bool open;
                try
                {
                    open = !SessionClaims.HasExpired(context.Principal, clock.GetUtcNow())
                        && userId is not null && sessionId is not null
                        && await sessions.IsOpenAsync(userId, sessionId, context.HttpContext.RequestAborted);
                }
                catch (Exception e) when (Infrastructure.Database.DatabaseFailure.Is(e))
                {
                    // The portal database cannot say: this request is treated as signed out (never signed in on
                    // trust), but the cookie is kept so the session carries on once the database is back.
                    context.RejectPrincipal();
                    return;
                }

                if (!open)
                {
                    SessionTimeout.MarkEnded(context.HttpContext);
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                if (SecurityStampCheck.IsDue(context, clock))
                {
                    await validateStamp(context);
                }
            };

            // Sent to sign in because the session ran out: the sign-in page says why. A form sent just then is kept on
            // the server (KeptForms) and offered back on its page after signing in again.
            var redirectToLogin = o.Events.OnRedirectToLogin;
            o.Events.OnRedirectToLogin = async context =>
            {
                var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
                if (SessionTimeout.ReasonFor(context.HttpContext, options) is { } reason)
                {
                    var kept = await context.HttpContext.RequestServices.GetRequiredService<KeptForms>().KeepAsync(context);
                    context.RedirectUri = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(context.RedirectUri, SessionTimeout.ReasonParameter, kept ? SessionTimeout.Kept(reason) : reason);
                }

                await redirectToLogin(context);
            };

            // A signed-in user without the right role gets a 403 (the friendly page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // The security stamp check re-creates the principal from the database; keep the session's own claims.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && context.CurrentPrincipal is not null)
            {
                foreach (var claim in context.CurrentPrincipal.Claims.Where(c => c.Type is SessionClaims.SignedInAt or SessionClaims.SessionId or SessionClaims.AuthenticationMethod))
                {
                    identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value, claim.ValueType));
                }
            }

            return Task.CompletedTask;
        });

        services.Configure<MvcOptions>(o =>
        {
            o.Filters.Add(new StaffTwoFactorFilter());
            o.Filters.Add<KeptFormFilter>();
        });
        return services;
    }
}

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>The portal's public address, e.g. https://portal.example.org: every link in every message is built from
    /// it (never from the request's Host header), and in Production it is the only host name the portal answers to
    /// unless AllowedHosts lists others. Required (https in Production).</summary>
    public string? PublicBaseUrl { get; set; }
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;

public sealed class InvitationTokenProvider(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<PortalUser>> logger)
    : DataProtectorTokenProvider<PortalUser>(dataProtectionProvider, options, logger);
