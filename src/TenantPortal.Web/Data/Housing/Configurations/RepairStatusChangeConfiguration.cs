using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class RepairStatusChangeConfiguration : IEntityTypeConfiguration<RepairStatusChange>
{
    public void Configure(EntityTypeBuilder<RepairStatusChange> builder)
    {
        builder.ToTable("RepairStatusHistory");
        builder.Property(h => h.Note).HasMaxLength(1000);
        builder.Property(h => h.ChangedBy).HasMaxLength(200);
        builder.HasIndex(h => new { h.RepairId, h.At });
    }
}
