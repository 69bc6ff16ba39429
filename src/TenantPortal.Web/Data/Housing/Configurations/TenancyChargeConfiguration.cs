using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class TenancyChargeConfiguration : IEntityTypeConfiguration<TenancyCharge>
{
    public void Configure(EntityTypeBuilder<TenancyCharge> builder)
    {
        builder.ToTable("TenancyCharges");
        builder.Property(c => c.ChargeCode).HasMaxLength(10);
        builder.Property(c => c.Description).HasMaxLength(100);
    }
}
