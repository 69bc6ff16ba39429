using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TenantPortal.Web.Infrastructure.Configuration;

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
        builder.HasOne(c => c.Repair).WithOne(r => r.HazardCase).HasForeignKey<RepairHazardCase>(c => c.RepairId).OnDelete(DeleteBehavior.Cascade);
    }

    public const string OpenCasesIndex = "IX_RepairHazardCases_Open";

    /// <summary>The dashboard: open cases by nearest deadline, a page at a time, and how many there are. An index of the
    /// open cases only, in deadline order: EF asks <c>WHERE "IsOpen"</c>, a bare truth test that no index on
    /// (IsOpen, NextDueAt) can seek in SQLite, which read and sorted every case ever opened (2 ms on 14,000 cases) for
    /// each visit. A partial index whose condition is that same term is read in order, open cases only. The condition is
    /// written as each database states the query's test: SQL Server compares the bit with 1.</summary>
    internal static void ConfigureOpenCasesIndex(EntityTypeBuilder<RepairHazardCase> builder, DatabaseProvider provider) =>
        builder.HasIndex(c => c.NextDueAt).HasDatabaseName(OpenCasesIndex)
            .HasFilter(provider == DatabaseProvider.SqlServer ? "[IsOpen] = 1" : "[IsOpen]");
}
