using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Infrastructure.Security;

/// <summary>Puts the tenant's and tenancy's ids in the sign-in cookie, read once at sign-in, so every tenant page
/// scopes its one query by tenancy without another lookup.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    HousingDbContext housing)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.TenantId is int tenantId)
        {
            var tenancyId = await housing.Tenants.Where(t => t.Id == tenantId).Select(t => (int?)t.TenancyId).SingleOrDefaultAsync();
            if (tenancyId is not null)
            {
                identity.AddClaim(new Claim(PortalClaims.TenantId, tenantId.ToString(CultureInfo.InvariantCulture)));
                identity.AddClaim(new Claim(PortalClaims.TenancyId, tenancyId.Value.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return identity;
    }
}
