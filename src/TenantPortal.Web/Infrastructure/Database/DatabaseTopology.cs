using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Web.Infrastructure.Database;

/// <summary>Whether the housing and portal tables are in one database (one transaction can cover both).</summary>
public sealed record DatabaseTopology(DatabaseProvider Provider, bool SharedDatabase);
