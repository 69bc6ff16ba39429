using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.Notifications;

/// <summary>A repair as messages name it: its reference, what it is in plain words, and the booked appointment.</summary>
public sealed record RepairFacts(string Reference, string What, string? Appointment);

/// <summary>Tells the tenants on a repair's tenancy about it, through <see cref="TenantNotifier"/>. Call inside the use
/// case's transaction after the housing changes are saved; the caller saves the portal context.</summary>
public sealed class RepairNotifications(HousingDbContext housing, PortalDbContext portal, TenantNotifier notifier, TenantMessages messages)
{
    public TenantMessages Messages => messages;

    public async Task<IReadOnlyList<MessageChannel>> TellTenancyAsync(int repairId, Func<RepairFacts, TenantMessage> message, CancellationToken ct)
    {
        var r = await housing.Repairs.AsNoTracking().Where(x => x.Id == repairId)
            .Select(x => new
            {
                x.Reference,
                x.TenancyId,
                x.CatalogueItem.Item,
                x.CatalogueItem.Problem,
                Slot = x.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => new { a.Slot.Date, a.Slot.Period }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (r?.TenancyId is not int tenancyId)
        {
            return [];
        }

        var facts = new RepairFacts(r.Reference, RepairWords.What(r.Item, r.Problem), r.Slot is null ? null : SlotText.Describe(r.Slot.Date, r.Slot.Period));
        return await notifier.TellTenancyAsync(portal, tenancyId, message(facts), ct);
    }

    /// <summary>The tenant moved their appointment: the new time, saying the old one no longer applies.</summary>
    public Task<IReadOnlyList<MessageChannel>> AppointmentChangedAsync(int repairId, CancellationToken ct) =>
        TellTenancyAsync(repairId, f => messages.AppointmentChanged(f.Reference, f.What, f.Appointment ?? ""), ct);

    public Task<IReadOnlyList<MessageChannel>> AppointmentCancelledAsync(int repairId, string oldAppointment, CancellationToken ct) =>
        TellTenancyAsync(repairId, f => messages.AppointmentCancelled(f.Reference, f.What, oldAppointment), ct);
}
