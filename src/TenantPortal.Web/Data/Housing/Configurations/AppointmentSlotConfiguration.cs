using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Housing.Configurations;

internal sealed class AppointmentSlotConfiguration : IEntityTypeConfiguration<AppointmentSlot>
{
    public void Configure(EntityTypeBuilder<AppointmentSlot> builder)
    {
        builder.ToTable("AppointmentSlots", t => t.HasCheckConstraint("CK_AppointmentSlots_Capacity", "[BookedCount] >= 0 AND [BookedCount] <= [Capacity]"));
        builder.Ignore(s => s.HasSpace);
        builder.HasIndex(s => new { s.Trade, s.PatchId, s.Date, s.Period }).IsUnique();
        builder.HasOne<Patch>().WithMany().HasForeignKey(s => s.PatchId).OnDelete(DeleteBehavior.Restrict);
    }
}
