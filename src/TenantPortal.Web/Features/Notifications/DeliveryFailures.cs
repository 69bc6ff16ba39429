using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Notifications;

/// <summary>A message that can never be delivered, for the tenant's record in the admin area.</summary>
public sealed record DeliveryFailure(int TenantId, MessageChannel Channel, string Subject, DateTime FailedAt, string? Reason);

public static class DeliveryFailures
{
    /// <summary>The last 20 permanent failures for these tenants (index TenantId, FailedAt).</summary>
    public static async Task<IReadOnlyList<DeliveryFailure>> ForTenantsAsync(PortalDbContext portal, IReadOnlyList<int> tenantIds, CancellationToken ct) =>
        await portal.EmailOutbox.AsNoTracking()
            .Where(m => m.TenantId != null && tenantIds.Contains(m.TenantId.Value) && m.FailedAt != null)
            .OrderByDescending(m => m.FailedAt).Take(20)
            .Select(m => new DeliveryFailure(m.TenantId!.Value, m.Channel, m.Subject, m.FailedAt!.Value, m.LastError))
            .ToListAsync(ct);
}
