using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class ContactChangeConfiguration : IEntityTypeConfiguration<ContactChange>
{
    public void Configure(EntityTypeBuilder<ContactChange> builder)
    {
        builder.ToTable("ContactChangeHistory");
        builder.Property(c => c.Field).HasMaxLength(50);
        builder.Property(c => c.OldValue).HasMaxLength(500);
        builder.Property(c => c.NewValue).HasMaxLength(500);
        builder.Property(c => c.ChangedBy).HasMaxLength(200);
        builder.HasIndex(c => new { c.TenantId, c.ChangedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
