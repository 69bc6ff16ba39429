using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class RepairFeedbackConfiguration : IEntityTypeConfiguration<RepairFeedback>
{
    public void Configure(EntityTypeBuilder<RepairFeedback> builder)
    {
        builder.ToTable("RepairFeedback", t => t.HasCheckConstraint("CK_RepairFeedback_Ratings", "[RepairRating] BETWEEN 0 AND 5 AND [TimeRating] BETWEEN 0 AND 5"));
        builder.Property(f => f.Comment).HasMaxLength(1000);
        builder.HasIndex(f => f.RepairId).IsUnique();
        builder.HasIndex(f => f.At);
    }
}
