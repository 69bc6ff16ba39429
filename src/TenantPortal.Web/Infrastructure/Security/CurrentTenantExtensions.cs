using System.Globalization;
using System.Security.Claims;

namespace TenantPortal.Web.Infrastructure.Security;

/// <summary>The signed-in tenant's own ids. Every tenant query filters by these; ids from the request are never trusted.</summary>
public static class CurrentTenantExtensions
{
    public static int TenantId(this ClaimsPrincipal user) => ReadInt(user, PortalClaims.TenantId);

    public static int TenancyId(this ClaimsPrincipal user) => ReadInt(user, PortalClaims.TenancyId);

    public static bool IsTenant(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == PortalClaims.TenancyId);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? "Unknown";

    private static int ReadInt(ClaimsPrincipal user, string type) =>
        int.Parse(user.FindFirstValue(type) ?? throw new InvalidOperationException($"The signed-in user has no {type} claim."), CultureInfo.InvariantCulture);
}
