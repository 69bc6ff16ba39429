using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Portal.Configurations;

internal sealed class PaymentRefundConfiguration : IEntityTypeConfiguration<PaymentRefund>
{
    public void Configure(EntityTypeBuilder<PaymentRefund> builder)
    {
        builder.ToTable("PaymentRefunds");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ProviderRefundId).HasMaxLength(100);
        builder.Property(r => r.RequestedBy).HasMaxLength(200);
        builder.Property(r => r.Reason).HasMaxLength(30);
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.Property(r => r.FailureReason).HasMaxLength(200);
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
        builder.HasIndex(r => r.ProviderRefundId).IsUnique().HasFilter("[ProviderRefundId] IS NOT NULL");
        builder.HasIndex(r => r.PaymentAttemptId);
        builder.HasOne<PaymentAttempt>().WithMany().HasForeignKey(r => r.PaymentAttemptId).OnDelete(DeleteBehavior.Restrict);
    }
}
