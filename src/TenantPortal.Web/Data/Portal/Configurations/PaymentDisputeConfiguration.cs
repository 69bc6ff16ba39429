using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Portal.Configurations;

internal sealed class PaymentDisputeConfiguration : IEntityTypeConfiguration<PaymentDispute>
{
    public void Configure(EntityTypeBuilder<PaymentDispute> builder)
    {
        builder.ToTable("PaymentDisputes");
        builder.Property(d => d.Id).HasMaxLength(100);
        builder.Property(d => d.Status).HasMaxLength(40);
        builder.Property(d => d.Reason).HasMaxLength(40);
        builder.HasIndex(d => d.PaymentAttemptId);
        builder.HasOne<PaymentAttempt>().WithMany().HasForeignKey(d => d.PaymentAttemptId).OnDelete(DeleteBehavior.Restrict);
    }
}
