using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Portal.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        // One portal account per tenant.
        builder.HasIndex(u => u.TenantId).IsUnique().HasFilter("[TenantId] IS NOT NULL");
        builder.HasIndex(u => u.CreatedAt);
    }
}
