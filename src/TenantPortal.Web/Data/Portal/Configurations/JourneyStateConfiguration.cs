using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Portal.Configurations;

internal sealed class JourneyStateConfiguration : IEntityTypeConfiguration<JourneyState>
{
    public void Configure(EntityTypeBuilder<JourneyState> builder)
    {
        builder.ToTable("JourneyStates");
        builder.Property(j => j.Journey).HasMaxLength(40);
        builder.Property(j => j.OwnerUserId).HasMaxLength(450);
        builder.Property(j => j.Subject).HasMaxLength(64);

        // One journey of a kind per user and subject: every step finds it by this key.
        builder.HasIndex(j => new { j.OwnerUserId, j.Journey, j.Subject }).IsUnique();

        // The cleanup job finds expired journeys by age.
        builder.HasIndex(j => j.CreatedAt);
    }
}
