using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("Complaints");
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.Property(c => c.RelatedReference).HasMaxLength(40);
        builder.Property(c => c.Description).HasMaxLength(2000);
        builder.Property(c => c.OutcomeWanted).HasMaxLength(1000);
        builder.Property(c => c.LoggedBy).HasMaxLength(200);

        builder.HasIndex(c => c.Reference).IsUnique();
        // The tenant's list (newest first) and the officers' queue (open first, oldest first).
        builder.HasIndex(c => new { c.TenancyId, c.ReceivedAt });
        builder.HasIndex(c => new { c.Status, c.ReceivedAt });
        builder.HasIndex(c => c.RepairId);

        builder.HasOne(c => c.Tenancy).WithMany().HasForeignKey(c => c.TenancyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Repair).WithMany().HasForeignKey(c => c.RepairId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.MadeByTenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Stages).WithOne().HasForeignKey(s => s.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Letters).WithOne().HasForeignKey(l => l.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintStageConfiguration : IEntityTypeConfiguration<ComplaintStage>
{
    public void Configure(EntityTypeBuilder<ComplaintStage> builder)
    {
        builder.ToTable("ComplaintStages", t => t.HasCheckConstraint("CK_ComplaintStages_Stage", "[Stage] IN (1, 2)"));
        builder.Property(s => s.Reason).HasMaxLength(2000);
        builder.Property(s => s.ExtensionReason).HasMaxLength(1000);
        builder.Property(s => s.Decision).HasMaxLength(4000);
        builder.HasIndex(s => new { s.ComplaintId, s.Stage }).IsUnique();
        // CH01 counts stages received in a period; CH02 those responded to in a period.
        builder.HasIndex(s => new { s.Stage, s.RequestedAt });
        builder.HasIndex(s => new { s.Stage, s.RespondedAt });
    }
}

internal sealed class ComplaintLetterConfiguration : IEntityTypeConfiguration<ComplaintLetter>
{
    public void Configure(EntityTypeBuilder<ComplaintLetter> builder)
    {
        builder.ToTable("ComplaintLetters");
        builder.Property(l => l.Body).HasMaxLength(8000);
        builder.Property(l => l.SentBy).HasMaxLength(200);
        builder.HasIndex(l => new { l.ComplaintId, l.At });
    }
}
