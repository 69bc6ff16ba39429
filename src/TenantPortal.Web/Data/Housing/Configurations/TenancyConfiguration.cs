using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class TenancyConfiguration : IEntityTypeConfiguration<Tenancy>
{
    public void Configure(EntityTypeBuilder<Tenancy> builder)
    {
        builder.ToTable("Tenancies");
        builder.Property(t => t.Reference).HasMaxLength(20);
        builder.HasIndex(t => t.Reference).IsUnique();
        builder.Ignore(t => t.WeeklyTotal);
        builder.HasOne(t => t.Property).WithMany().HasForeignKey(t => t.PropertyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Charges).WithOne().HasForeignKey(c => c.TenancyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Tenants).WithOne(t => t.Tenancy).HasForeignKey(t => t.TenancyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.HouseholdMembers).WithOne().HasForeignKey(m => m.TenancyId).OnDelete(DeleteBehavior.Cascade);
    }
}
