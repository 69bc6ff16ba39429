using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Portal.Configurations;

internal sealed class ProviderEventConfiguration : IEntityTypeConfiguration<ProviderEvent>
{
    public void Configure(EntityTypeBuilder<ProviderEvent> builder)
    {
        builder.ToTable("ProviderEvents");
        builder.Property(e => e.Id).HasMaxLength(100);
        builder.Property(e => e.Provider).HasMaxLength(20);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.RelatedObjectId).HasMaxLength(100);
        builder.HasIndex(e => e.ReceivedAt);
    }
}
