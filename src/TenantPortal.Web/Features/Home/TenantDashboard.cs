using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Home;

public sealed record TenantDashboardViewModel(string TenancyReference, decimal Balance, int OpenRepairs, DateOnly? NextAppointment, SlotPeriod? NextAppointmentPeriod, bool TenancyEnded = false, DateOnly? EndDate = null);

/// <summary>The signed-in tenant's home page: the rent balance and open repairs at a glance, in one query.</summary>
public sealed class TenantDashboard(HousingDbContext housing)
{
    public Task<TenantDashboardViewModel?> LoadAsync(int tenancyId, DateOnly today, CancellationToken ct) =>
        housing.Tenancies.AsNoTracking()
            .Where(t => t.Id == tenancyId)
            .Select(t => new TenantDashboardViewModel(
                t.Reference,
                t.Balance,
                housing.Repairs.Count(r => r.TenancyId == t.Id && r.Status != RepairStatus.Completed && r.Status != RepairStatus.Cancelled),
                housing.Repairs.Where(r => r.TenancyId == t.Id)
                    .SelectMany(r => r.Appointments)
                    .Where(a => a.Status == AppointmentStatus.Booked && a.Slot.Date >= today)
                    .OrderBy(a => a.Slot.Date).Select(a => (DateOnly?)a.Slot.Date).FirstOrDefault(),
                housing.Repairs.Where(r => r.TenancyId == t.Id)
                    .SelectMany(r => r.Appointments)
                    .Where(a => a.Status == AppointmentStatus.Booked && a.Slot.Date >= today)
                    .OrderBy(a => a.Slot.Date).ThenBy(a => a.Slot.Period).Select(a => (SlotPeriod?)a.Slot.Period).FirstOrDefault(),
                t.Status == TenancyStatus.Ended,
                t.EndDate))
            .SingleOrDefaultAsync(ct);
}
