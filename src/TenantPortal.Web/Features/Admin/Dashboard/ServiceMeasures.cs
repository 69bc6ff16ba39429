using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.Admin.Dashboard;

/// <summary>The figures on the officers' dashboard, counted in the database with grouped aggregates (no repair is
/// loaded just to be counted). RP02 here: of the repairs completed in the period, the share completed on or before
/// their target date (UK local date of completion); an emergency within its 24 hours of the report.</summary>
public sealed class ServiceMeasures(HousingDbContext housing, PortalDbContext portal, TimeProvider clock, RepairTargets? targets = null)
{
    private readonly int emergencyHours = (targets?.Days ?? new RepairTargetDays()).EmergencyHours;

    public const string Rp02Definition =
        "Repairs completed within target: of repairs completed in the period, the share completed by their target date.";

    private static readonly RepairStatus[] Closed = [RepairStatus.Completed, RepairStatus.Cancelled];

    public async Task<DashboardFigures> DashboardAsync(CancellationToken ct = default) => await DashboardAsync(1, ct);

    public async Task<DashboardFigures> DashboardAsync(int hazardPage, CancellationToken ct = default)
    {
        var today = UkTime.Today(clock);
        var open = housing.Repairs.AsNoTracking().Where(r => !Closed.Contains(r.Status));

        var byPriority = await open.GroupBy(r => r.Priority).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byStatus = await open.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdue = await open.CountAsync(r => r.TargetDate < today, ct);
        var hazards = await HazardsAsync(hazardPage, ct);

        var todayStart = UkTime.StartOfDayUtc(today);
        var weekStart = UkTime.StartOfDayUtc(UkTime.StartOfWeek(today));
        var paymentsToday = await PaymentsSinceAsync(todayStart, ct);
        var paymentsWeek = await PaymentsSinceAsync(weekStart, ct);
        var registrations = await portal.Users.AsNoTracking().CountAsync(u => u.TenantId != null && u.CreatedAt >= weekStart, ct);

        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var month = await PeriodAsync("This month", monthStart, monthStart.AddMonths(1), ct);
        var year = await PeriodAsync("This year", yearStart, yearStart.AddYears(1), ct);

        return new DashboardFigures(
            today,
            Enum.GetValues<RepairPriority>().Select(p => new CountBy<RepairPriority>(p, byPriority.SingleOrDefault(x => x.Key == p)?.Count ?? 0)).ToList(),
            Enum.GetValues<RepairStatus>().Where(s => !Closed.Contains(s))
                .Select(s => new CountBy<RepairStatus>(s, byStatus.SingleOrDefault(x => x.Key == s)?.Count ?? 0)).ToList(),
            overdue,
            hazards,
            paymentsToday,
            paymentsWeek,
            registrations,
            [month, year]);
    }

    /// <summary>RP02 and the "How did we do?" averages for the UK days [from, to).</summary>
    public async Task<PeriodMeasures> PeriodAsync(string label, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var fromUtc = UkTime.StartOfDayUtc(from);
        var toUtc = UkTime.StartOfDayUtc(to);
        var completed = housing.Repairs.AsNoTracking()
            .Where(r => r.Status == RepairStatus.Completed && r.CompletedAt >= fromUtc && r.CompletedAt < toUtc);

        // UK local time is UTC or UTC+1, so a repair completed on a UTC date before its target date, or on the target
        // date before 23:00 UTC, was completed by its target in UK time whatever the season. Only the rare completions
        // between 23:00 and midnight UTC on the target date depend on summer time; those few are settled in memory.
        var counts = await completed
            .GroupBy(r => 1)
            .Select(g => new
            {
                Total = g.Count(),
                // An emergency's target is an instant, the report plus 24 hours (36 hours is not within it, whatever the dates).
                EmergencyOnTime = g.Count(r => r.Priority == RepairPriority.Emergency && r.CompletedAt <= r.ReportedAt.AddHours(emergencyHours)),
                SurelyOnTime = g.Count(r => r.Priority != RepairPriority.Emergency && (DateOnly.FromDateTime(r.CompletedAt!.Value) < r.TargetDate
                    || (DateOnly.FromDateTime(r.CompletedAt!.Value) == r.TargetDate && r.CompletedAt!.Value.Hour < 23))),
            })
            .SingleOrDefaultAsync(ct);
        var borderline = await completed
            .Where(r => r.Priority != RepairPriority.Emergency && DateOnly.FromDateTime(r.CompletedAt!.Value) == r.TargetDate && r.CompletedAt!.Value.Hour >= 23)
            .Select(r => new { CompletedAt = r.CompletedAt!.Value, r.TargetDate })
            .ToListAsync(ct);
        var onTime = (counts?.SurelyOnTime ?? 0) + (counts?.EmergencyOnTime ?? 0) + borderline.Count(b => UkTime.DateOf(b.CompletedAt) <= b.TargetDate);

        var ratings = await housing.RepairFeedback.AsNoTracking()
            .Where(f => f.At >= fromUtc && f.At < toUtc)
            .GroupBy(f => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Repair = g.Average(f => (double)f.RepairRating),
                Time = g.Average(f => (double)f.TimeRating),
                RepairSatisfied = g.Count(f => f.RepairRating >= 4),
                TimeSatisfied = g.Count(f => f.TimeRating >= 4),
            })
            .SingleOrDefaultAsync(ct);

        return new PeriodMeasures(
            label, from, to.AddDays(-1),
            counts?.Total ?? 0, onTime,
            ratings?.Count ?? 0, ratings?.Repair, ratings?.Time, ratings?.RepairSatisfied ?? 0, ratings?.TimeSatisfied ?? 0);
    }

    private async Task<PaymentTotals> PaymentsSinceAsync(DateTime fromUtc, CancellationToken ct)
    {
        // SQLite cannot sum decimals reliably in SQL: count there, add up the (few) amounts here.
        var amounts = await portal.PaymentAttempts.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Succeeded && (p.CompletedAt ?? p.CreatedAt) >= fromUtc)
            .Select(p => p.Amount)
            .ToListAsync(ct);
        return new PaymentTotals(amounts.Count, amounts.Sum());
    }

    /// <summary>Every open hazard case, nearest deadline first (so overdue ones come first), a page at a time, read
    /// from <c>RepairHazardCases</c> through its (IsOpen, NextDueAt) index: never a truncated subset.</summary>
    public async Task<HazardListPage> HazardsAsync(int page, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = housing.RepairHazardCases.AsNoTracking().Where(c => c.IsOpen);
        var total = await open.CountAsync(ct);
        var pages = Math.Max(1, (total + HazardListPage.PageSize - 1) / HazardListPage.PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await open
            .OrderBy(c => c.NextDueAt).ThenBy(c => c.Id)
            .Skip((page - 1) * HazardListPage.PageSize).Take(HazardListPage.PageSize)
            .Select(c => new
            {
                c.Repair.Reference,
                c.Kind,
                c.Repair.Status,
                c.Repair.Property.AddressLine1,
                c.Repair.Property.Postcode,
                c.NextStep,
                c.NextDueAt,
                c.CancelRequestedAt,
            })
            .ToListAsync(ct);
        return new HazardListPage(
            rows.Select(r => new HazardRow(r.Reference, r.Kind, r.Status, $"{r.AddressLine1}, {r.Postcode}",
                Enum.TryParse<HazardStepKind>(r.NextStep, out var step) ? HazardClocks.Name(step) : null,
                r.NextDueAt, r.NextDueAt is { } due && now > due ? now - due : null, r.CancelRequestedAt is not null)).ToList(),
            page, pages, total);
    }
}

public sealed record CountBy<T>(T Key, int Count);

public sealed record PaymentTotals(int Count, decimal Total);

public sealed record HazardRow(string Reference, HazardType HazardType, RepairStatus Status, string Address, string? NextStep, DateTime? NextDueAt, TimeSpan? OverdueBy, bool CancelRequested)
{
    public bool Overdue => OverdueBy is not null;
}

/// <summary>One page of the open hazard cases, and how many there are in all.</summary>
public sealed record HazardListPage(IReadOnlyList<HazardRow> Rows, int Page, int Pages, int Total)
{
    public const int PageSize = 25;
}

public sealed record PeriodMeasures(
    string Label,
    DateOnly From,
    DateOnly To,
    int Completed,
    int CompletedWithinTarget,
    int Ratings,
    double? AverageRepairRating,
    double? AverageTimeRating,
    int SatisfiedWithRepair,
    int SatisfiedWithTime)
{
    /// <summary>RP02 as a percentage, or null when nothing was completed in the period.</summary>
    public decimal? WithinTargetPercent => Completed == 0 ? null : Math.Round(100m * CompletedWithinTarget / Completed, 1);
}

public sealed record DashboardFigures(
    DateOnly Today,
    IReadOnlyList<CountBy<RepairPriority>> OpenByPriority,
    IReadOnlyList<CountBy<RepairStatus>> OpenByStatus,
    int Overdue,
    HazardListPage Hazards,
    PaymentTotals PaymentsToday,
    PaymentTotals PaymentsThisWeek,
    int RegistrationsThisWeek,
    IReadOnlyList<PeriodMeasures> Periods)
{
    public int OpenTotal => OpenByPriority.Sum(p => p.Count);
}
