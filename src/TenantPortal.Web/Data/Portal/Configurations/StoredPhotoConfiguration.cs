using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Portal.Configurations;

internal sealed class StoredPhotoConfiguration : IEntityTypeConfiguration<StoredPhoto>
{
    public void Configure(EntityTypeBuilder<StoredPhoto> builder)
    {
        builder.ToTable("PortalPhotos");
        builder.Property(p => p.Key).HasMaxLength(40);
        builder.Property(p => p.ContentType).HasMaxLength(50);
        builder.HasIndex(p => p.Key).IsUnique();

        // The rolling daily quota per tenancy.
        builder.HasIndex(p => new { p.TenancyId, p.UploadedAt });

        // Retention: attached photos by repair, unattached ones by expiry, deleted rows by upload time.
        builder.HasIndex(p => new { p.RepairId, p.DeletedAt });
        builder.HasIndex(p => new { p.DeletedAt, p.ExpiresAt });
        builder.HasIndex(p => p.DraftId);
    }
}

internal sealed class StoredPhotoContentConfiguration : IEntityTypeConfiguration<StoredPhotoContent>
{
    public void Configure(EntityTypeBuilder<StoredPhotoContent> builder)
    {
        builder.ToTable("PortalPhotoContents");
        builder.HasKey(c => new { c.Key, c.Variant });
        builder.Property(c => c.Key).HasMaxLength(40);
        builder.Property(c => c.Variant).HasConversion<byte>();
    }
}
