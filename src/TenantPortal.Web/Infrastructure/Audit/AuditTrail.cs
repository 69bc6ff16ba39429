using System.Security.Claims;
using System.Text.Json;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Infrastructure.Audit;

/// <summary>Records who changed what, with the values before and after. Add the entry in the same unit of work as
/// the change (<see cref="Database.PortalUnitOfWork"/>) so one is never saved without the other.</summary>
public sealed class AuditTrail(TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public AuditEntry Record(PortalDbContext db, ClaimsPrincipal actor, string action, string recordType, string recordId, object? before, object? after)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = actor.DisplayName(),
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
        db.AuditLog.Add(entry);
        return entry;
    }
}
