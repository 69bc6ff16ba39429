using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Features.Admin;
using TenantPortal.Web.Features.ContactDetails;
using TenantPortal.Web.Features.Rent;
using TenantPortal.Web.Features.Repairs;
using TenantPortal.Web.Features.Shared.Journeys;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Email;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Infrastructure.Web;

public static class PortalServices
{
    public const string AuthRateLimit = "auth";

    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<LandlordOptions>().Bind(configuration.GetSection(LandlordOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton(Clock.ClockSettings.Create(configuration));
        services.AddHttpContextAccessor();
        services.AddSingleton<Audit.AuditTrail>();

        services.AddLoadBalancerSupport(configuration);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Hosting:ShutdownTimeoutSeconds", 30)));

        services.AddPortalDatabases(configuration, environment);
        services.AddSingleton<DatabaseInitializer>();
        services.AddScoped<DemoSeeder>();

        services.AddPortalIdentity();
        services.AddJourneys();
        services.AddPortalEmail(configuration);

        services.AddPortalDataProtection(configuration);

        services.AddHealthChecks()
            .AddDbContextCheck<HousingDbContext>("housing-database", tags: ["ready"])
            .AddDbContextCheck<PortalDbContext>("portal-database", tags: ["ready"])
            .AddCheck<Database.MappingHealthCheck<HousingDbContext>>("housing-mapping", tags: ["ready"])
            .AddCheck<Database.MappingHealthCheck<PortalDbContext>>("portal-mapping", tags: ["ready"]);

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AuthRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = configuration.GetValue("RateLimiting:AuthPermitsPerMinute", 20),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });

        services.AddTransportSecurity(configuration, environment);

        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });

        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<DatabaseUnavailableFilter>();
            })
            .AddRazorOptions(o => o.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
        services.AddAntiforgery(o =>
        {
            // Development serves plain http://localhost (README's one command), where antiforgery refuses a
            // Secure-only cookie; everywhere else the token cookie is __Host- and HTTPS-only.
            var plainHttpDevelopment = environment.IsDevelopment();
            o.Cookie.Name = plainHttpDevelopment ? "TenantPortal.Antiforgery" : "__Host-TenantPortal.Antiforgery";
            o.Cookie.SecurePolicy = plainHttpDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            // TempData (one-off notices) rides in a cookie: same rules as the antiforgery cookie.
            var plainHttpDevelopment = environment.IsDevelopment();
            o.Cookie.Name = plainHttpDevelopment ? "TenantPortal.TempData" : "__Host-TenantPortal.TempData";
            o.Cookie.SecurePolicy = plainHttpDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddAdminOperationsFeature(configuration);
        services.AddAccountsFeature(configuration);
        services.AddContactDetailsFeature(configuration);
        services.AddRepairsFeature(configuration);
        Features.Notifications.NotificationsFeature.AddNotificationsFeature(services, configuration);
        Features.Complaints.ComplaintsFeature.AddComplaintsFeature(services);
        services.AddScoped<Features.Home.TenantDashboard>();
        services.AddSingleton<Features.Help.EssentialCookies>();
        services.AddSingleton<Features.Shared.LayoutLinksCache>();
        services.AddRentFeature(configuration);
        return services;
    }

    private static void AddPortalIdentity(this IServiceCollection services)
    {
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "__Host-TenantPortal";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.ReturnUrlParameter = "returnUrl";
        });
        // The short-lived cookie that carries the user between the password and the code steps follows the same
        // rules as the session cookie (Identity's default is a plain "Identity.TwoFactorUserId").
        foreach (var (scheme, name) in new[] { (IdentityConstants.TwoFactorUserIdScheme, "__Host-TenantPortal.TwoFactor"), (IdentityConstants.TwoFactorRememberMeScheme, "__Host-TenantPortal.TwoFactorRemember") })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.Name = name;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.Path = "/";
            });
        }

        // A changed password or security stamp ends the account's other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Tenant, p => p.RequireAuthenticatedUser().RequireClaim(PortalClaims.TenancyId))
            .AddPolicy(PortalPolicies.Staff, p => p.RequireRole(PortalRoles.Officer, PortalRoles.Administrator))
            .AddPolicy(PortalPolicies.Administrator, p => p.RequireRole(PortalRoles.Administrator));
    }

    /// <summary>HSTS for a year with subdomains (preload when Security:HstsPreload is true), no Server header, and
    /// in Production only the public host name (from Accounts:PublicBaseUrl) unless AllowedHosts lists hosts itself.</summary>
    private static void AddTransportSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
            o.Preload = configuration.GetValue("Security:HstsPreload", false);
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        if (environment.IsProduction() && Uri.TryCreate(configuration["Accounts:PublicBaseUrl"], UriKind.Absolute, out var publicBase))
        {
            services.PostConfigure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o =>
            {
                if (o.AllowedHosts.Count == 0 || o.AllowedHosts.Contains("*"))
                {
                    o.AllowedHosts = [publicBase.IdnHost];
                }
            });
        }
    }

    private static void AddPortalEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MimeMessageFactory>();
        var delivery = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.Delivery ?? "File";
        if (string.Equals(delivery, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, FileEmailSender>();
        }

        services.AddSingleton<EmailOutboxSignal>();
        services.AddSingleton<EmailOutbox>();
        services.AddHostedService<EmailOutboxWorker>();
    }
}
