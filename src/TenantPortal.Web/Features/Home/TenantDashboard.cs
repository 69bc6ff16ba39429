using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.Home;

public sealed record TenantDashboardViewModel(string TenancyReference, decimal Balance, int OpenRepairs, DateOnly? NextAppointment, SlotPeriod? NextAppointmentPeriod, bool TenancyEnded = false, DateOnly? EndDate = null);

/// <summary>The signed-in tenant's home page: the rent balance and open repairs at a glance, in one query (compiled once:
/// the page is the most visited, and building and hashing the LINQ tree cost more than running the SQL).</summary>
public sealed class TenantDashboard(HousingDbContext housing)
{
    private static readonly CompiledQuery<Func<HousingDbContext, int, DateOnly, CancellationToken, Task<TenantDashboardViewModel?>>> Query = new(() =>
        EF.CompileAsyncQuery((HousingDbContext db, int tenancyId, DateOnly today, CancellationToken ct) =>
            db.Tenancies.AsNoTracking()
                .Where(t => t.Id == tenancyId)
                .Select(t => new TenantDashboardViewModel(
                    t.Reference,
                    t.Balance,
                    db.Repairs.Count(r => r.TenancyId == t.Id && r.Status != RepairStatus.Completed && r.Status != RepairStatus.Cancelled),
                    db.Repairs.Where(r => r.TenancyId == t.Id)
                        .SelectMany(r => r.Appointments)
                        .Where(a => a.Status == AppointmentStatus.Booked && a.Slot.Date >= today)
                        .OrderBy(a => a.Slot.Date).Select(a => (DateOnly?)a.Slot.Date).FirstOrDefault(),
                    db.Repairs.Where(r => r.TenancyId == t.Id)
                        .SelectMany(r => r.Appointments)
                        .Where(a => a.Status == AppointmentStatus.Booked && a.Slot.Date >= today)
                        .OrderBy(a => a.Slot.Date).ThenBy(a => a.Slot.Period).Select(a => (SlotPeriod?)a.Slot.Period).FirstOrDefault(),
                    t.Status == TenancyStatus.Ended,
                    t.EndDate))
                .SingleOrDefault()));

    public Task<TenantDashboardViewModel?> LoadAsync(int tenancyId, DateOnly today, CancellationToken ct) => Query.For(housing)(housing, tenancyId, today, ct);
}
