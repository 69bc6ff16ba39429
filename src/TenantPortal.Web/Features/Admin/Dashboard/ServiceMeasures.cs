using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.Admin.Dashboard;

/// <summary>The figures on the officers' dashboard, counted in the database with grouped aggregates (no repair is
/// loaded just to be counted), and the regulator's Tenant Satisfaction Measures computed from the portal's records for a
/// reporting year (1 April to 31 March) or a month: see docs/complaints.md for each definition.</summary>
public sealed class ServiceMeasures(HousingDbContext housing, PortalDbContext portal, TimeProvider clock, RepairTargets? targets = null, MeasuresCache? cache = null)
{
    /// <summary>The landlord's emergency target in hours (24 by default): RP02(2) compares by the hour.</summary>
    private readonly int emergencyHours = (targets?.Days ?? new RepairTargetDays()).EmergencyHours;

    /// <summary>Asked as <c>Status IN (open ones)</c>, never <c>NOT IN (closed ones)</c>: an index can seek the first,
    /// while the second reads every repair (84 ms for the overdue count on 100,000 repairs, issue 23).</summary>
    private static readonly RepairStatus[] Open = [.. Repair.OpenStatuses];

    public async Task<DashboardFigures> DashboardAsync(CancellationToken ct = default) => await DashboardAsync(null, 1, ct);

    /// <summary>The dashboard, with the measures for this and last reporting year and for <paramref name="month"/>
    /// (any day in it; this month when null).</summary>
    public async Task<DashboardFigures> DashboardAsync(DateOnly? month, int hazardPage = 1, CancellationToken ct = default)
    {
        var today = UkTime.Today(clock);
        var open = housing.Repairs.AsNoTracking().Where(r => Open.Contains(r.Status));

        var byPriority = await open.GroupBy(r => r.Priority).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byStatus = await open.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdue = await open.CountAsync(r => r.TargetDate < today, ct);
        var hazards = await HazardsAsync(hazardPage, ct);

        var todayStart = UkTime.StartOfDayUtc(today);
        var weekStart = UkTime.StartOfDayUtc(UkTime.StartOfWeek(today));
        var paymentsToday = await PaymentsSinceAsync(todayStart, ct);
        var paymentsWeek = await PaymentsSinceAsync(weekStart, ct);
        var registrations = await portal.Users.AsNoTracking().CountAsync(u => u.TenantId != null && u.CreatedAt >= weekStart, ct);

        var chosen = month ?? today;
        var monthStart = new DateOnly(chosen.Year, chosen.Month, 1);
        var year = ReportingYear.Containing(today);
        (string Label, DateOnly From, DateOnly To)[] spans =
        [
            ($"This reporting year ({year.Label})", year.From, year.To),
            ($"Last reporting year ({year.Previous.Label})", year.Previous.From, year.Previous.To),
            (monthStart.ToString("MMMM yyyy", AdminDisplay.EnGb), monthStart, monthStart.AddMonths(1)),
        ];
        var measures = cache is null
            ? new CountedMeasures(await PeriodsAsync(spans, ct), clock.GetUtcNow())
            : await cache.GetAsync(spans, () => PeriodsAsync(spans, ct));

        return new DashboardFigures(
            today,
            Enum.GetValues<RepairPriority>().Select(p => new CountBy<RepairPriority>(p, byPriority.SingleOrDefault(x => x.Key == p)?.Count ?? 0)).ToList(),
            Open
                .Select(s => new CountBy<RepairStatus>(s, byStatus.SingleOrDefault(x => x.Key == s)?.Count ?? 0)).ToList(),
            overdue,
            hazards,
            paymentsToday,
            paymentsWeek,
            registrations,
            measures.Periods,
            monthStart,
            measures.CountedAt);
    }

    /// <summary>The measures for the UK days [from, to).</summary>
    public async Task<PeriodMeasures> PeriodAsync(string label, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        (await PeriodsAsync([(label, from, to)], ct))[0];

    /// <summary>The measures for several periods of UK days [From, To), with one grouped query per source over the span
    /// they cover. Rows are grouped by UTC day and by whether they fall in the last UTC hour of it: UK time is UTC or
    /// UTC+1, so only that hour can belong to the next UK day, and it does exactly when the UK is on summer time (the
    /// clocks change at 01:00 UTC, so the whole hour shares one offset).</summary>
    public async Task<IReadOnlyList<PeriodMeasures>> PeriodsAsync(IReadOnlyList<(string Label, DateOnly From, DateOnly To)> periods, CancellationToken ct = default)
    {
        var fromUtc = UkTime.StartOfDayUtc(periods.Min(p => p.From));
        var toUtc = UkTime.StartOfDayUtc(periods.Max(p => p.To));

        // RP02(1) non-emergency: completed on or before the target date (UK date). RP02(2) emergency: by the hour, within
        // 24 hours of the report (24 h 1 min is outside). Recalls: recall jobs raised, over repairs completed.
        var window = emergencyHours;
        var repairs = await housing.Repairs.AsNoTracking()
            .Where(r => r.Status == RepairStatus.Completed && r.CompletedAt >= fromUtc && r.CompletedAt < toUtc)
            .GroupBy(r => new { Day = DateOnly.FromDateTime(r.CompletedAt!.Value), Late = r.CompletedAt!.Value.Hour >= 23, Emergency = r.Priority == RepairPriority.Emergency })
            .Select(g => new
            {
                g.Key.Day,
                g.Key.Late,
                g.Key.Emergency,
                Total = g.Count(),
                OnOrBeforeTarget = g.Count(r => g.Key.Day <= r.TargetDate),
                BeforeTarget = g.Count(r => g.Key.Day < r.TargetDate),
                // Only an emergency's window is ever read: asking that first spares the date arithmetic on every other row.
                WithinWindow = g.Count(r => r.Priority == RepairPriority.Emergency && r.CompletedAt <= r.ReportedAt.AddHours(window)),
            })
            .ToListAsync(ct);
        var recalls = await housing.Repairs.AsNoTracking()
            .Where(r => r.RecallOfRepairId != null && r.ReportedAt >= fromUtc && r.ReportedAt < toUtc)
            .GroupBy(r => new { Day = DateOnly.FromDateTime(r.ReportedAt), Late = r.ReportedAt.Hour >= 23 })
            .Select(g => new { g.Key.Day, g.Key.Late, Count = g.Count() })
            .ToListAsync(ct);
        var ratings = await housing.RepairFeedback.AsNoTracking()
            .Where(f => f.At >= fromUtc && f.At < toUtc)
            .GroupBy(f => new { Day = DateOnly.FromDateTime(f.At), Late = f.At.Hour >= 23 })
            .Select(g => new
            {
                g.Key.Day,
                g.Key.Late,
                Count = g.Count(),
                RepairAnswered = g.Count(f => f.RepairRating != (int)Satisfaction.DontKnow),
                RepairSatisfied = g.Count(f => f.RepairRating >= (int)Satisfaction.FairlySatisfied),
                TimeAnswered = g.Count(f => f.TimeRating != (int)Satisfaction.DontKnow),
                TimeSatisfied = g.Count(f => f.TimeRating >= (int)Satisfaction.FairlySatisfied),
            })
            .ToListAsync(ct);

        // CH01: stages received per 1,000 homes. CH02: stages responded to in the period, and of those the ones answered
        // on or before their respond-by date (the Code's timescale, extensions included), in UK time.
        var homes = await housing.Properties.AsNoTracking().CountAsync(ct);
        var received = await housing.ComplaintStages.AsNoTracking()
            .Where(s => s.RequestedAt >= fromUtc && s.RequestedAt < toUtc)
            .GroupBy(s => new { s.Stage, Day = DateOnly.FromDateTime(s.RequestedAt), Late = s.RequestedAt.Hour >= 23 })
            .Select(g => new { g.Key.Stage, g.Key.Day, g.Key.Late, Count = g.Count() })
            .ToListAsync(ct);
        var responded = await housing.ComplaintStages.AsNoTracking()
            .Where(s => s.RespondedAt >= fromUtc && s.RespondedAt < toUtc)
            .GroupBy(s => new { s.Stage, Day = DateOnly.FromDateTime(s.RespondedAt!.Value), Late = s.RespondedAt!.Value.Hour >= 23 })
            .Select(g => new
            {
                g.Key.Stage,
                g.Key.Day,
                g.Key.Late,
                Count = g.Count(),
                OnOrBefore = g.Count(s => s.RespondBy != null && g.Key.Day <= s.RespondBy),
                Before = g.Count(s => s.RespondBy != null && g.Key.Day < s.RespondBy),
            })
            .ToListAsync(ct);

        return periods.Select(p =>
        {
            bool In(DateOnly utcDay, bool late) => UkDay(utcDay, late) is var d && d >= p.From && d < p.To;
            var nonEmergency = repairs.Where(r => !r.Emergency && In(r.Day, r.Late)).ToList();
            var emergency = repairs.Where(r => r.Emergency && In(r.Day, r.Late)).ToList();
            var feedback = ratings.Where(r => In(r.Day, r.Late)).ToList();
            var answered = responded.Where(r => In(r.Day, r.Late)).ToList();
            Rate Received(int stage) => new(received.Where(r => r.Stage == stage && In(r.Day, r.Late)).Sum(r => r.Count), homes);
            Ratio InTime(int stage) => new(
                answered.Where(r => r.Stage == stage).Sum(r => NextUkDay(r.Day, r.Late) ? r.Before : r.OnOrBefore),
                answered.Where(r => r.Stage == stage).Sum(r => r.Count));
            return new PeriodMeasures(
                p.Label, p.From, p.To.AddDays(-1),
                new Ratio(nonEmergency.Sum(r => NextUkDay(r.Day, r.Late) ? r.BeforeTarget : r.OnOrBeforeTarget), nonEmergency.Sum(r => r.Total)),
                new Ratio(emergency.Sum(r => r.WithinWindow), emergency.Sum(r => r.Total)),
                Received(1),
                Received(2),
                InTime(1),
                InTime(2),
                feedback.Sum(f => f.Count),
                new Ratio(feedback.Sum(f => f.RepairSatisfied), feedback.Sum(f => f.RepairAnswered)),
                new Ratio(feedback.Sum(f => f.TimeSatisfied), feedback.Sum(f => f.TimeAnswered)),
                new Ratio(recalls.Where(r => In(r.Day, r.Late)).Sum(r => r.Count), nonEmergency.Sum(r => r.Total) + emergency.Sum(r => r.Total)));
        }).ToList();
    }

    /// <summary>Whether rows in this UTC-day group fall on the next UK day: the 23:00 UTC hour in summer time.</summary>
    private static bool NextUkDay(DateOnly utcDay, bool late) => late && UkDay(utcDay, late) != utcDay;

    private static DateOnly UkDay(DateOnly utcDay, bool late) =>
        late ? UkTime.DateOf(utcDay.ToDateTime(new TimeOnly(23, 30), DateTimeKind.Utc)) : utcDay;

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
    /// from <c>RepairHazardCases</c> through its index of the open cases in deadline order: never a truncated subset.</summary>
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

/// <summary>One period's measures. Codes and wording are the regulator's (Tenant Satisfaction Measures).</summary>
public sealed record PeriodMeasures(
    string Label,
    DateOnly From,
    DateOnly To,
    Ratio Rp02NonEmergency,
    Ratio Rp02Emergency,
    Rate Ch01Stage1,
    Rate Ch01Stage2,
    Ratio Ch02Stage1,
    Ratio Ch02Stage2,
    int Responses,
    Ratio SatisfiedWithRepair,
    Ratio SatisfiedWithTime,
    Ratio Recalls);

/// <summary>A proportion with its numerator and denominator, as a percentage rounded half away from zero to one
/// decimal place (1 of 16 is 6.3%, not banker's 6.2%); none when the denominator is 0.</summary>
public sealed record Ratio(int Numerator, int Denominator)
{
    public decimal? Percent => Denominator == 0 ? null : Math.Round(100m * Numerator / Denominator, 1, MidpointRounding.AwayFromZero);

    public override string ToString() => Percent is { } p
        ? $"{p.ToString("0.0", AdminDisplay.EnGb)}% ({Numerator.ToString("N0", AdminDisplay.EnGb)} of {Denominator.ToString("N0", AdminDisplay.EnGb)})"
        : "None in the period";
}

/// <summary>A count per 1,000 homes, rounded half away from zero to one decimal place.</summary>
public sealed record Rate(int Count, int Homes)
{
    public decimal? PerThousand => Homes == 0 ? null : Math.Round(1000m * Count / Homes, 1, MidpointRounding.AwayFromZero);

    public override string ToString() => PerThousand is { } p
        ? $"{p.ToString("0.0", AdminDisplay.EnGb)} ({Count.ToString("N0", AdminDisplay.EnGb)} per {Homes.ToString("N0", AdminDisplay.EnGb)} homes)"
        : "No homes";
}

/// <summary>The regulator's reporting year: 1 April to 31 March (UK days; <see cref="To"/> is exclusive).</summary>
public sealed record ReportingYear(DateOnly From)
{
    public DateOnly To => From.AddYears(1);

    public string Label => $"{From.Year}/{(From.Year + 1) % 100:00}";

    public ReportingYear Previous => new(From.AddYears(-1));

    public static ReportingYear Containing(DateOnly day) => new(new DateOnly(day.Month >= 4 ? day.Year : day.Year - 1, 4, 1));

    public static ReportingYear Starting(int year) => new(new DateOnly(year, 4, 1));
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
    IReadOnlyList<PeriodMeasures> Periods,
    DateOnly Month,
    DateTimeOffset MeasuresCountedAt)
{
    public int OpenTotal => OpenByPriority.Sum(p => p.Count);
}
