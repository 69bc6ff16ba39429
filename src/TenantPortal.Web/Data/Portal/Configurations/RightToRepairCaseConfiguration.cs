using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Portal.Configurations;

internal sealed class RightToRepairCaseConfiguration : IEntityTypeConfiguration<RightToRepairCase>
{
    public void Configure(EntityTypeBuilder<RightToRepairCase> builder)
    {
        builder.ToTable("RightToRepairCases");
        builder.Property(c => c.Defect).HasConversion<string>().HasMaxLength(80);
        builder.Property(c => c.CompensationMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SecondContractorRequestedBy).HasMaxLength(200);
        builder.Property(c => c.CompensationPaidBy).HasMaxLength(200);
        builder.Property(c => c.CompensationNote).HasMaxLength(500);
        builder.Property(c => c.Version).IsConcurrencyToken();
        // One case per repair, found by the repair on both repair pages.
        builder.HasIndex(c => c.RepairId).IsUnique();
        builder.HasMany(c => c.Notices).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RightToRepairNoticeConfiguration : IEntityTypeConfiguration<RightToRepairNotice>
{
    public void Configure(EntityTypeBuilder<RightToRepairNotice> builder)
    {
        builder.ToTable("RightToRepairNotices");
        builder.Property(n => n.ContractorName).HasMaxLength(200);
        builder.Property(n => n.ContractorAddress).HasMaxLength(500);
        builder.Property(n => n.ContractorPhone).HasMaxLength(30);
        builder.Property(n => n.IssuedBy).HasMaxLength(200);
        builder.Property(n => n.Text).HasMaxLength(4000);
        // The case's notices, newest last (the current one is the latest).
        builder.HasIndex(n => new { n.CaseId, n.IssuedAt });
    }
}
