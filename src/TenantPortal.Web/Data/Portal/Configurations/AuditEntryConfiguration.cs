using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Portal.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.ActorUserId).HasMaxLength(450);
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.RecordType).HasMaxLength(50);
        builder.Property(a => a.RecordId).HasMaxLength(50);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ActorUserId, a.At });
        builder.HasIndex(a => new { a.RecordType, a.RecordId, a.At });
    }
}
