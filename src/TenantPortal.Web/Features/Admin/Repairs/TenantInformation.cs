using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Audit;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.Admin.Repairs;

/// <summary>"The tenant added information": a repair whose tenant added words or photos online (a history row from
/// the portal with a note, other than their own appointment changes) after the last thing an officer recorded on it.
/// The queue and the repair page mark it until an officer marks it seen (an internal history row) or acts on it.</summary>
public sealed class TenantInformation(HousingDbContext housing, PortalDbContext portal, PortalUnitOfWork unitOfWork, AuditTrail audit, TimeProvider clock)
{
    public const string SeenNote = "Seen the tenant's new information";

    public static readonly Expression<Func<Repair, bool>> IsUnseen = r => r.History.Any(h =>
        h.Channel == RepairChannel.Portal && h.Note != null && h.Note != "Appointment changed" && h.Note != "Appointment cancelled"
        && !r.History.Any(o => o.Channel == RepairChannel.Officer && o.Id > h.Id));

    /// <summary>Of these references (one page of the queue), those with information no officer has seen: one query.</summary>
    public async Task<IReadOnlySet<string>> UnseenAsync(IReadOnlyCollection<string> references, CancellationToken ct) =>
        (await housing.Repairs.AsNoTracking().Where(r => references.Contains(r.Reference)).Where(IsUnseen).Select(r => r.Reference).ToListAsync(ct)).ToHashSet();

    public async Task<bool> MarkSeenAsync(string reference, ClaimsPrincipal officer, CancellationToken ct) =>
        await unitOfWork.ExecuteAsync(async c =>
        {
            var repair = await housing.Repairs.Where(r => r.Reference == reference).Where(IsUnseen).Select(r => new { r.Id, r.Status }).SingleOrDefaultAsync(c);
            if (repair is null)
            {
                return false;
            }

            housing.RepairStatusHistory.Add(TenantNoteController.OfficerNote(repair.Id, repair.Status, clock, officer, SeenNote, visibleToTenant: false));
            audit.Record(portal, officer, "repair.tenant-information-seen", "Repair", reference, null, new { Seen = true });
            await housing.SaveChangesAsync(c);
            await portal.SaveChangesAsync(c);
            return true;
        }, ct);
}
