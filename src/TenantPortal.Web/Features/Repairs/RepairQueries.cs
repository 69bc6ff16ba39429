using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.Repairs;

public sealed record TenancyRepairContext(int TenancyId, int PatchId, bool HasCautionaryAlert, string? ContactPhone, string Address);

public sealed record RepairListItem(string Reference, string Item, string Problem, string Location, RepairStatus Status, DateTime ReportedAt, DateOnly TargetDate, DateOnly? AppointmentDate, SlotPeriod? AppointmentPeriod, string? HazardNext = null)
{
    public bool IsOpen => Repair.IsOpenStatus(Status);
}

/// <summary>Read models for the repairs pages: one query each, scoped to a tenancy.</summary>
public sealed class RepairQueries(HousingDbContext db)
{
    public Task<TenancyRepairContext?> TenancyAsync(int tenancyId, int tenantId, CancellationToken ct) =>
        db.Tenancies.AsNoTracking().Where(t => t.Id == tenancyId)
            .Select(t => new TenancyRepairContext(
                t.Id,
                t.Property.PatchId,
                db.Tenancies.Where(o => o.Id == t.Id).Any(Household.HasCautionaryAlert),
                t.Tenants.Where(x => x.Id == tenantId).Select(x => x.MobilePhone ?? x.HomePhone).FirstOrDefault(),
                t.Property.AddressLine1 + ", " + t.Property.Postcode))
            .SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<RepairListItem>> ListAsync(int tenancyId, CancellationToken ct)
    {
        var rows = await db.Repairs.AsNoTracking().Where(r => r.TenancyId == tenancyId)
            .OrderBy(r => r.Status == RepairStatus.Completed || r.Status == RepairStatus.Cancelled ? 1 : 0)
            .ThenByDescending(r => r.ReportedAt)
            .Select(r => new
            {
                r.Reference,
                r.CatalogueItem.Item,
                r.CatalogueItem.Problem,
                r.Location,
                r.Status,
                r.ReportedAt,
                r.TargetDate,
                // Scalar subqueries per repair (index on Appointments.RepairId), not a FirstOrDefault of a row, which EF
                // turns into a ROW_NUMBER over every booked appointment in the database.
                SlotDate = r.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => (DateOnly?)a.Slot.Date).FirstOrDefault(),
                SlotPeriod = r.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => (SlotPeriod?)a.Slot.Period).FirstOrDefault(),
                Hazard = r.HazardCase != null && r.HazardCase.IsOpen ? new { r.HazardCase.Kind, r.HazardCase.NextStep, r.HazardCase.NextDueAt } : null,
            })
            .Take(200)
            .ToListAsync(ct);
        return rows.Select(r => new RepairListItem(r.Reference, r.Item, r.Problem, r.Location, r.Status, r.ReportedAt, r.TargetDate, r.SlotDate, r.SlotPeriod,
            r.Hazard is { NextDueAt: { } due } h && Enum.TryParse<HazardStepKind>(h.NextStep, out var step) ? RepairWording.HazardStep(step, h.Kind, due) : null)).ToList();
    }
}
