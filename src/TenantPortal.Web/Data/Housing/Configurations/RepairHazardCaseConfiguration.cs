using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class RepairHazardCaseConfiguration : IEntityTypeConfiguration<RepairHazardCase>
{
    public void Configure(EntityTypeBuilder<RepairHazardCase> builder)
    {
        builder.ToTable("RepairHazardCases");
        builder.Property(c => c.ClassifiedBy).HasMaxLength(200);
        builder.Property(c => c.ClassificationReason).HasMaxLength(500);
        builder.Property(c => c.AwareRecordedBy).HasMaxLength(200);
        builder.Property(c => c.InvestigatedBy).HasMaxLength(200);
        builder.Property(c => c.Findings).HasMaxLength(2000);
        builder.Property(c => c.SummarySentBy).HasMaxLength(200);
        builder.Property(c => c.SummaryText).HasMaxLength(4000);
        builder.Property(c => c.SafetyWorkNotes).HasMaxLength(1000);
        builder.Property(c => c.FurtherWorkNotes).HasMaxLength(1000);
        builder.Property(c => c.CancelRequestReason).HasMaxLength(1000);
        builder.Property(c => c.ClosedReason).HasMaxLength(500);
        builder.Property(c => c.NextStep).HasMaxLength(50);

        // One case per repair (a declassified case is reopened, not duplicated).
        builder.HasIndex(c => c.RepairId).IsUnique();
        // The dashboard: open cases by nearest deadline, paged.
        builder.HasIndex(c => new { c.IsOpen, c.NextDueAt });
        builder.HasOne(c => c.Repair).WithOne(r => r.HazardCase).HasForeignKey<RepairHazardCase>(c => c.RepairId).OnDelete(DeleteBehavior.Cascade);
    }
}
