using Microsoft.AspNetCore.Identity;

namespace TenantPortal.Web.Data.Portal;

/// <summary>A portal sign-in. Tenants link to exactly one tenant in the housing database; officers link to none.</summary>
public class PortalUser : IdentityUser
{
    /// <summary>The housing database's Tenants.Id (a different database, so no foreign key).</summary>
    public int? TenantId { get; set; }
    public required string DisplayName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
    public bool IsDisabled { get; set; }

    /// <summary>An officer's own patch (the housing database's Patches.Id): the repairs queue's "My patch" view.</summary>
    public int? PatchId { get; set; }
}
