using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class RepairReferenceCounterConfiguration : IEntityTypeConfiguration<RepairReferenceCounter>
{
    public void Configure(EntityTypeBuilder<RepairReferenceCounter> builder)
    {
        builder.ToTable("RepairReferenceCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}
