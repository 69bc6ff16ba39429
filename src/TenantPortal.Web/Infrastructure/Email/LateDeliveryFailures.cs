using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Infrastructure.Email;

/// <summary>Records that a message already handed to the provider was never delivered, when the news comes later (a
/// bounce in the bounce mailbox, a Notify or Twilio delivery-status callback): the same <c>FailedAt</c> and reason as a
/// refusal at send time, so it shows on the tenant's record under "Messages we could not deliver". One conditional
/// update (only while the message has no failure yet), so the same report twice, or on two instances at once,
/// records it once.</summary>
public sealed class LateDeliveryFailures(PortalDbContext db, TimeProvider clock, ILogger<LateDeliveryFailures> logger)
{
    /// <returns>True when this report recorded the failure; false when it was already recorded or no message matched.</returns>
    public async Task<bool> RecordAsync(MessageChannel channel, Expression<Func<OutboxMessage, bool>> which, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reasonText = reason.Length <= 1000 ? reason : reason[..1000];
        var recorded = await db.EmailOutbox.Where(which).Where(m => m.Channel == channel && m.FailedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.FailedAt, now)
                .SetProperty(m => m.LastError, reasonText)
                .SetProperty(m => m.NextAttemptAt, (DateTime?)null), ct);
        if (recorded > 0)
        {
            logger.LogWarning("Outbox {Channel} could not be delivered after sending: {Reason}", channel, reasonText);
        }

        return recorded > 0;
    }
}
