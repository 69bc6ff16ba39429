namespace TenantPortal.Web.Infrastructure.Security;

public static class PortalRoles
{
    public const string Officer = "Officer";
    public const string Administrator = "Administrator";
    public const string OfficerOrAdministrator = Officer + "," + Administrator;
}

public static class PortalPolicies
{
    /// <summary>Signed in as a tenant linked to a tenancy.</summary>
    public const string Tenant = "Tenant";
    public const string Staff = "Staff";
    public const string Administrator = "Administrator";
}

public static class PortalClaims
{
    public const string TenantId = "tp:tenant_id";
    public const string TenancyId = "tp:tenancy_id";
    public const string DisplayName = "tp:display_name";
}
