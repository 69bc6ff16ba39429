using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.Property(t => t.Title).HasMaxLength(20);
        builder.Property(t => t.FirstName).HasMaxLength(100);
        builder.Property(t => t.LastName).HasMaxLength(100);
        builder.Property(t => t.MobilePhone).HasMaxLength(20);
        builder.Property(t => t.HomePhone).HasMaxLength(20);
        builder.Property(t => t.Email).HasMaxLength(256);
        builder.Property(t => t.InterpreterLanguage).HasMaxLength(100);
        builder.Property(t => t.HearingOrSightNeeds).HasMaxLength(500);
        builder.Property(t => t.Advocate).HasMaxLength(200);
        builder.Ignore(t => t.FullName);
        builder.HasIndex(t => t.LastName);
    }
}
