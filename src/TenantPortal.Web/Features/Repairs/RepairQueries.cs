using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Infrastructure.Database;

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
        var rows = await List.For(db)(db, tenancyId).ToListAsync(ct);
        return rows.Select(r => new RepairListItem(r.Reference, r.Item, r.Problem, r.Location, r.Status, r.ReportedAt, r.TargetDate, r.SlotDate, r.SlotPeriod,
            r.HazardNextDueAt is { } due && Enum.TryParse<HazardStepKind>(r.HazardNextStep, out var step) ? RepairWording.HazardStep(step, r.HazardKind!.Value, due) : null)).ToList();
    }

    /// <summary>The tenant's repairs list, compiled once (one of the most visited pages).</summary>
    private static readonly CompiledQuery<Func<HousingDbContext, int, IAsyncEnumerable<ListRow>>> List = new(() =>
        EF.CompileAsyncQuery((HousingDbContext db, int tenancyId) =>
            db.Repairs.AsNoTracking().Where(r => r.TenancyId == tenancyId)
                .OrderBy(r => r.Status == RepairStatus.Completed || r.Status == RepairStatus.Cancelled ? 1 : 0)
                .ThenByDescending(r => r.ReportedAt)
                .Select(r => new ListRow(
                    r.Reference,
                    r.CatalogueItem.Item,
                    r.CatalogueItem.Problem,
                    r.Location,
                    r.Status,
                    r.ReportedAt,
                    r.TargetDate,
                    // Scalar subqueries per repair (index on Appointments.RepairId), not a FirstOrDefault of a row, which EF
                    // turns into a ROW_NUMBER over every booked appointment in the database.
                    r.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => (DateOnly?)a.Slot.Date).FirstOrDefault(),
                    r.Appointments.Where(a => a.Status == AppointmentStatus.Booked).Select(a => (SlotPeriod?)a.Slot.Period).FirstOrDefault(),
                    r.HazardCase != null && r.HazardCase.IsOpen ? (HazardType?)r.HazardCase.Kind : null,
                    r.HazardCase != null && r.HazardCase.IsOpen ? r.HazardCase.NextStep : null,
                    r.HazardCase != null && r.HazardCase.IsOpen ? r.HazardCase.NextDueAt : null))
                .Take(200)));

    private sealed record ListRow(string Reference, string Item, string Problem, string Location, RepairStatus Status, DateTime ReportedAt, DateOnly TargetDate,
        DateOnly? SlotDate, SlotPeriod? SlotPeriod, HazardType? HazardKind, string? HazardNextStep, DateTime? HazardNextDueAt);
}
