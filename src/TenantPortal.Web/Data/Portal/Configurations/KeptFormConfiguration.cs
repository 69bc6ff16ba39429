using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TenantPortal.Web.Data.Portal.Configurations;

internal sealed class KeptFormConfiguration : IEntityTypeConfiguration<KeptForm>
{
    public void Configure(EntityTypeBuilder<KeptForm> builder)
    {
        builder.ToTable("KeptForms");
        builder.Property(k => k.OwnerUserId).HasMaxLength(450);
        builder.Property(k => k.Path).HasMaxLength(Features.Account.KeptForms.MaxPathLength);

        // One kept form per user and page: a second sign-out on the same page replaces the first. Signing in again
        // finds the user's by this key too.
        builder.HasIndex(k => new { k.OwnerUserId, k.Path }).IsUnique();

        // The cleanup job finds expired ones by their expiry.
        builder.HasIndex(k => k.ExpiresAt);
    }
}
