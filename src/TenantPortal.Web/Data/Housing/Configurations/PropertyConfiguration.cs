using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class PropertyConfiguration : IEntityTypeConfiguration<Property>
{
    public void Configure(EntityTypeBuilder<Property> builder)
    {
        builder.ToTable("Properties");
        builder.Property(p => p.AddressLine1).HasMaxLength(200);
        builder.Property(p => p.AddressLine2).HasMaxLength(200);
        builder.Property(p => p.Town).HasMaxLength(100);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.Property(p => p.PropertyType).HasMaxLength(30);
        builder.Ignore(p => p.SingleLineAddress);
        builder.HasIndex(p => p.Postcode);
        builder.HasIndex(p => p.AddressLine1);
        builder.HasIndex(p => p.Uprn).IsUnique().HasFilter("[Uprn] IS NOT NULL");
        builder.HasOne(p => p.Patch).WithMany().HasForeignKey(p => p.PatchId).OnDelete(DeleteBehavior.Restrict);
    }
}
