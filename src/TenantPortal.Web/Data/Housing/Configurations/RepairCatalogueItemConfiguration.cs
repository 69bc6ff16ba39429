using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class RepairCatalogueItemConfiguration : IEntityTypeConfiguration<RepairCatalogueItem>
{
    public void Configure(EntityTypeBuilder<RepairCatalogueItem> builder)
    {
        builder.ToTable("RepairCatalogue");
        builder.Property(c => c.Area).HasMaxLength(50);
        builder.Property(c => c.Item).HasMaxLength(100);
        builder.Property(c => c.Problem).HasMaxLength(200);
        builder.Property(c => c.JobCode).HasMaxLength(20);
        builder.Property(c => c.TenantAdvice).HasMaxLength(1000);
        builder.Property(c => c.RightToRepairDefect).HasConversion<string>().HasMaxLength(80);
        builder.HasIndex(c => c.JobCode).IsUnique();
        builder.HasIndex(c => new { c.Area, c.Item });
    }
}
