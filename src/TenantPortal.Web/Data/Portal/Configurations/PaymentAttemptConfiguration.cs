using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Portal.Configurations;

internal sealed class PaymentAttemptConfiguration : IEntityTypeConfiguration<PaymentAttempt>
{
    public void Configure(EntityTypeBuilder<PaymentAttempt> builder)
    {
        builder.ToTable("PaymentAttempts");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.TenancyReference).HasMaxLength(20);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.ProviderSessionId).HasMaxLength(100);
        builder.Property(p => p.ProviderPaymentIntentId).HasMaxLength(100);
        builder.Property(p => p.CheckoutUiMode).HasMaxLength(10);
        builder.Property(p => p.PaymentMethodType).HasMaxLength(30);
        builder.Property(p => p.FailureReason).HasMaxLength(500);
        builder.Property(p => p.LeaseOwner).HasMaxLength(100);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.ProviderSessionId).IsUnique().HasFilter("[ProviderSessionId] IS NOT NULL");
        builder.HasIndex(p => new { p.TenancyId, p.CreatedAt });
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
        builder.HasIndex(p => p.CreatedAt);
        builder.HasIndex(p => p.ProviderPaymentIntentId);
    }
}
