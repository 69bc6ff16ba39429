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
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[InvitationTokenProvider] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
        });
        services.AddTransient<InvitationTokenProvider>();
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
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                if (SessionClaims.HasExpired(context.Principal, clock.GetUtcNow()))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await validateStamp(context);
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

        services.Configure<MvcOptions>(o => o.Filters.Add(new StaffTwoFactorFilter()));
        return services;
    }
}

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>The portal's public address for links in emails, e.g. https://portal.example.org. When empty the
    /// request's own address is used; set it in Production so a forged Host header can never change a link.</summary>
    public string? PublicBaseUrl { get; set; }
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;

public sealed class InvitationTokenProvider(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<PortalUser>> logger)
    : DataProtectorTokenProvider<PortalUser>(dataProtectionProvider, options, logger);
