using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Infrastructure.Database;

/// <summary>Development-only demo landlord: the housing data and three demo accounts (README.md lists them).</summary>
public sealed class DemoSeeder(
    HousingDbContext housing,
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public const string Password = "Portal-demo-2026!";
    public const string TenantEmail = DemoData.LeadTenantEmail;
    public const string OfficerEmail = "demo.officer@example.org";
    public const string AdministratorEmail = "demo.admin@example.org";

    /// <summary>Fixed authenticator keys (base32) so demos and tests can produce the officers' codes. Development only.</summary>
    public const string OfficerAuthenticatorKey = "OFFICERDEMOKEY2345OFFICERDEMOKEY";
    public const string AdministratorAuthenticatorKey = "ADMINDEMOKEY2345ADMINDEMOKEY2345";

    public async Task SeedAsync(DateOnly today, SeedScale scale, CancellationToken ct)
    {
        await HousingDemoSeeder.SeedAsync(housing, today, scale, ct);

        foreach (var role in new[] { PortalRoles.Officer, PortalRoles.Administrator })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var tenantId = await housing.Tenants.Where(t => t.Email == TenantEmail).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        await EnsureUserAsync(TenantEmail, "Alex Morgan", tenantId, role: null, authenticatorKey: null);
        var demoPatch = await housing.Tenancies.Where(t => t.Reference == DemoData.TenancyReference).Select(t => (int?)t.Property.PatchId).FirstOrDefaultAsync(ct);
        await EnsureUserAsync(OfficerEmail, "Dana Officer", null, PortalRoles.Officer, OfficerAuthenticatorKey, demoPatch);
        await EnsureUserAsync(AdministratorEmail, "Chris Admin", null, PortalRoles.Administrator, AdministratorAuthenticatorKey);
    }

    private async Task EnsureUserAsync(string email, string name, int? tenantId, string? role, string? authenticatorKey, int? patchId = null)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            TenantId = tenantId,
            PatchId = patchId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, Password), email);
        if (role is not null)
        {
            Check(await users.AddToRoleAsync(user, role), email);
        }

        if (authenticatorKey is not null && users is { SupportsUserAuthenticatorKey: true })
        {
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", authenticatorKey);
            Check(await users.SetTwoFactorEnabledAsync(user, true), email);
        }

        logger.LogInformation("Demo account created for role {Role}", role ?? "Tenant");
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
