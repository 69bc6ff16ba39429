using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Payments;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.Rent;

/// <summary>Read side of the rent account. Every query is scoped by the signed-in tenancy id passed in.</summary>
public sealed class RentAccountQueries(HousingDbContext housing, PortalDbContext portal, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<RentAccountViewModel?> AccountAsync(int tenancyId, bool canPayOnline, CancellationToken ct)
    {
        var tenancy = await housing.Tenancies.AsNoTracking()
            .Where(t => t.Id == tenancyId)
            .Select(t => new
            {
                t.Reference,
                t.Balance,
                t.BalanceUpdatedAt,
                t.ChargeWeeksPerYear,
                t.BenefitType,
                t.WeeklyBenefitAmount,
                Charges = t.Charges.OrderBy(c => c.Id).Select(c => new ChargeLine(c.Description, c.WeeklyAmount)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (tenancy is null)
        {
            return null;
        }

        var pending = await portal.PaymentAttempts.CountAsync(a => a.TenancyId == tenancyId && a.Status == PaymentStatus.Pending, ct);
        return new RentAccountViewModel
        {
            TenancyReference = tenancy.Reference,
            Balance = tenancy.Balance,
            BalanceUpdatedAtUk = tenancy.BalanceUpdatedAt is { } updated ? UkTime.ToUk(updated) : null,
            Charges = tenancy.Charges,
            NextChargeDate = NextMonday(UkTime.Today(clock)),
            ChargeWeeksPerYear = tenancy.ChargeWeeksPerYear,
            BenefitType = tenancy.BenefitType,
            WeeklyBenefitAmount = tenancy.WeeklyBenefitAmount,
            PendingPayments = pending,
            CanPayOnline = canPayOnline,
        };
    }

    /// <summary>Rent is charged on Mondays: the next Monday after today.</summary>
    public static DateOnly NextMonday(DateOnly today)
    {
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }

    public async Task<(decimal Balance, decimal WeeklyTotal)> BalanceAsync(int tenancyId, CancellationToken ct)
    {
        var row = await housing.Tenancies.AsNoTracking().Where(t => t.Id == tenancyId)
            .Select(t => new { t.Balance, Weekly = t.Charges.Select(c => c.WeeklyAmount).ToList() })
            .SingleAsync(ct);
        return (row.Balance, row.Weekly.Sum());
    }

    /// <summary>One page of the statement, newest first. The running balance of the page's newest line is today's
    /// balance minus everything newer (a small set of amounts, summed in memory: SQLite cannot sum decimals). The
    /// queries are compiled once (<see cref="Statement"/>): a date range left open is the widest one, still a range on
    /// the (TenancyId, Date, Id) index.</summary>
    public async Task<StatementViewModel> StatementAsync(int tenancyId, StatementFilter filter, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var first = from ?? DateOnly.MinValue;
        var last = to ?? DateOnly.MaxValue;
        var balance = await Statement.Balance.For(housing)(housing, tenancyId, ct);
        var total = await Statement.Count.For(housing)(housing, tenancyId, first, last, ct);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await Statement.Page.For(housing)(housing, tenancyId, first, last, (page - 1) * PageSize).ToListAsync(ct);

        var lines = await WithRunningBalanceAsync(tenancyId, balance, rows, ct);
        var pending = await Statement.PendingPayments.For(portal)(portal, tenancyId).ToListAsync(ct);
        var pendingRefunds = await Statement.PendingRefunds.For(portal)(portal, tenancyId).ToListAsync(ct);

        return new StatementViewModel
        {
            Filter = filter,
            From = from,
            To = to,
            Balance = balance,
            Lines = lines,
            Pending = pending.Select(p => new PendingLine(UkTime.ToUk(p.CreatedAt), p.Amount, Money.PaymentReference(p.Id)))
                .Concat(pendingRefunds.Select(r => new PendingLine(UkTime.ToUk(r.RequestedAt), r.Amount, Money.PaymentReference(r.PaymentAttemptId), "Refund of online payment")))
                .OrderByDescending(p => p.CreatedAtUk).ToList(),
            Page = page,
            TotalPages = pages,
            TotalLines = total,
        };
    }

    /// <summary>Every line in the range (for the CSV download), newest first with running balance.</summary>
    public async Task<IReadOnlyList<StatementLine>> AllLinesAsync(int tenancyId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var balance = await housing.Tenancies.Where(t => t.Id == tenancyId).Select(t => t.Balance).SingleAsync(ct);
        var rows = await Filtered(tenancyId, from, to)
            .OrderByDescending(t => t.Date).ThenByDescending(t => t.Id)
            .Select(t => new Row(t.Id, t.Date, t.Description, t.Reference, t.Amount, t.Type))
            .ToListAsync(ct);
        return await WithRunningBalanceAsync(tenancyId, balance, rows, ct);
    }

    private IQueryable<RentTransaction> Filtered(int tenancyId, DateOnly? from, DateOnly? to)
    {
        var query = housing.RentTransactions.AsNoTracking().Where(t => t.TenancyId == tenancyId);
        if (from is DateOnly f)
        {
            query = query.Where(t => t.Date >= f);
        }

        if (to is DateOnly t2)
        {
            query = query.Where(t => t.Date <= t2);
        }

        return query;
    }

    private async Task<List<StatementLine>> WithRunningBalanceAsync(int tenancyId, decimal balance, List<Row> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var newest = rows[0];
        var newer = await Statement.NewerAmounts.For(housing)(housing, tenancyId, newest.Date, newest.Id).ToListAsync(ct);
        var running = balance - newer.Sum();
        var lines = new List<StatementLine>(rows.Count);
        foreach (var row in rows)
        {
            lines.Add(new StatementLine(row.Date, row.Description, row.Reference, row.Amount, running, row.Type));
            running -= row.Amount;
        }

        return lines;
    }

    private sealed record Row(long Id, DateOnly Date, string Description, string? Reference, decimal Amount, RentTransactionType Type);

    private sealed record PendingPayment(DateTime CreatedAt, decimal Amount, Guid Id);

    private sealed record PendingRefund(DateTime RequestedAt, decimal Amount, Guid PaymentAttemptId);

    /// <summary>The statement page's queries, compiled once.</summary>
    private static class Statement
    {
        public static readonly CompiledQuery<Func<HousingDbContext, int, CancellationToken, Task<decimal>>> Balance = new(() =>
            EF.CompileAsyncQuery((HousingDbContext db, int tenancyId, CancellationToken ct) =>
                db.Tenancies.Where(t => t.Id == tenancyId).Select(t => t.Balance).Single()));

        public static readonly CompiledQuery<Func<HousingDbContext, int, DateOnly, DateOnly, CancellationToken, Task<int>>> Count = new(() =>
            EF.CompileAsyncQuery((HousingDbContext db, int tenancyId, DateOnly from, DateOnly to, CancellationToken ct) =>
                db.RentTransactions.Count(t => t.TenancyId == tenancyId && t.Date >= from && t.Date <= to)));

        public static readonly CompiledQuery<Func<HousingDbContext, int, DateOnly, DateOnly, int, IAsyncEnumerable<Row>>> Page = new(() =>
            EF.CompileAsyncQuery((HousingDbContext db, int tenancyId, DateOnly from, DateOnly to, int skip) =>
                db.RentTransactions.AsNoTracking()
                    .Where(t => t.TenancyId == tenancyId && t.Date >= from && t.Date <= to)
                    .OrderByDescending(t => t.Date).ThenByDescending(t => t.Id)
                    .Skip(skip).Take(PageSize)
                    .Select(t => new Row(t.Id, t.Date, t.Description, t.Reference, t.Amount, t.Type))));

        public static readonly CompiledQuery<Func<HousingDbContext, int, DateOnly, long, IAsyncEnumerable<decimal>>> NewerAmounts = new(() =>
            EF.CompileAsyncQuery((HousingDbContext db, int tenancyId, DateOnly date, long id) =>
                db.RentTransactions.AsNoTracking()
                    .Where(t => t.TenancyId == tenancyId && (t.Date > date || (t.Date == date && t.Id > id)))
                    .Select(t => t.Amount)));

        public static readonly CompiledQuery<Func<PortalDbContext, int, IAsyncEnumerable<PendingPayment>>> PendingPayments = new(() =>
            EF.CompileAsyncQuery((PortalDbContext db, int tenancyId) =>
                db.PaymentAttempts.AsNoTracking()
                    .Where(a => a.TenancyId == tenancyId && a.Status == PaymentStatus.Pending)
                    .OrderByDescending(a => a.CreatedAt)
                    .Select(a => new PendingPayment(a.CreatedAt, a.Amount, a.Id))));

        public static readonly CompiledQuery<Func<PortalDbContext, int, IAsyncEnumerable<PendingRefund>>> PendingRefunds = new(() =>
            EF.CompileAsyncQuery((PortalDbContext db, int tenancyId) =>
                db.PaymentRefunds.AsNoTracking()
                    .Where(r => (r.Status == RefundStatus.Requested || r.Status == RefundStatus.Pending)
                        && db.PaymentAttempts.Any(a => a.Id == r.PaymentAttemptId && a.TenancyId == tenancyId))
                    .Select(r => new PendingRefund(r.RequestedAt, r.Amount, r.PaymentAttemptId))));
    }
}
