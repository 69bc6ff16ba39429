using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class ContractorConfiguration : IEntityTypeConfiguration<Contractor>
{
    public void Configure(EntityTypeBuilder<Contractor> builder)
    {
        builder.ToTable("Contractors");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Address).HasMaxLength(500);
        builder.Property(c => c.PhoneNumber).HasMaxLength(30);
        builder.HasIndex(c => new { c.IsActive, c.Name });
        // The one column on the HMS Repairs table (nullable): configured here so RepairConfiguration stays as it was.
        builder.HasMany<Repair>().WithOne(r => r.Contractor).HasForeignKey(r => r.ContractorId).OnDelete(DeleteBehavior.Restrict);
    }
}
