using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Portal.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("EmailOutbox");
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10).HasDefaultValue(MessageChannel.Email);
        builder.Property(m => m.To).HasMaxLength(400);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.OnceKey).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.LeaseOwner).HasMaxLength(100);
        builder.Property(m => m.ProviderReference).HasMaxLength(200);
        // Delivery reports (Twilio's MessageSid, Notify's id) find their message by it.
        builder.HasIndex(m => m.ProviderReference);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        builder.HasIndex(m => m.OnceKey).IsUnique().HasFilter("[OnceKey] IS NOT NULL");
        // "Letters to send" and the failures on a tenant's record.
        builder.HasIndex(m => new { m.Channel, m.SentAt });
        builder.HasIndex(m => new { m.TenantId, m.FailedAt });
    }
}
