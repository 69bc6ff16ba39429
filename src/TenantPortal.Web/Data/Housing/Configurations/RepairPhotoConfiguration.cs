using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class RepairPhotoConfiguration : IEntityTypeConfiguration<RepairPhoto>
{
    public void Configure(EntityTypeBuilder<RepairPhoto> builder)
    {
        builder.ToTable("RepairPhotos");
        builder.Property(p => p.StoredFileName).HasMaxLength(100);
        builder.Property(p => p.ContentType).HasMaxLength(50);
        builder.Property(p => p.UploadedBy).HasMaxLength(200);
        builder.HasIndex(p => p.RepairId);
        builder.HasIndex(p => p.StoredFileName).IsUnique();
    }
}
