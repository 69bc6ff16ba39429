using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class RentTransactionConfiguration : IEntityTypeConfiguration<RentTransaction>
{
    public void Configure(EntityTypeBuilder<RentTransaction> builder)
    {
        builder.ToTable("RentTransactions");
        builder.Property(t => t.Description).HasMaxLength(200);
        builder.Property(t => t.Reference).HasMaxLength(50);
        builder.Property(t => t.Source).HasMaxLength(20);
        builder.Property(t => t.ProviderReference).HasMaxLength(100);
        builder.HasIndex(t => new { t.TenancyId, t.Date, t.Id });
        // The database, not just the code, guarantees a provider payment is posted once.
        builder.HasIndex(t => t.ProviderReference).IsUnique().HasFilter("[ProviderReference] IS NOT NULL");
        builder.HasOne<Tenancy>().WithMany().HasForeignKey(t => t.TenancyId).OnDelete(DeleteBehavior.Restrict);
    }
}
