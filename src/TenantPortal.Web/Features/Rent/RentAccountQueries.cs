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
        var (balance, total) = await Statement.BalanceAndCount.For(housing)(housing, tenancyId, first, last, ct);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await Statement.Page.For(housing)(housing, tenancyId, first, last, (page - 1) * PageSize).ToListAsync(ct);

        // The first page with no end date starts at the newest line: nothing is newer, so there is nothing to ask.
        var lines = await WithRunningBalanceAsync(tenancyId, balance, rows, startsAtNewest: page == 1 && to is null, ct);
        var pending = await Statement.Pending.For(portal)(portal, tenancyId).ToListAsync(ct);

        return new StatementViewModel
        {
            Filter = filter,
            From = from,
            To = to,
            Balance = balance,
            Lines = lines,
            Pending = pending
                .Select(p => p.IsRefund
                    ? new PendingLine(UkTime.ToUk(p.At), p.Amount, Money.PaymentReference(p.PaymentId), "Refund of online payment")
                    : new PendingLine(UkTime.ToUk(p.At), p.Amount, Money.PaymentReference(p.PaymentId)))
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
        return await WithRunningBalanceAsync(tenancyId, balance, rows, startsAtNewest: to is null, ct);
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

    private async Task<List<StatementLine>> WithRunningBalanceAsync(int tenancyId, decimal balance, List<Row> rows, bool startsAtNewest, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var newest = rows[0];
        var newer = startsAtNewest ? [] : await Statement.NewerAmounts.For(housing)(housing, tenancyId, newest.Date, newest.Id).ToListAsync(ct);
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

    private sealed record BalanceAndTotal(decimal Balance, int Total);

    /// <summary>A payment still pending, or a refund of one still to be made (<see cref="IsRefund"/>). Set by member
    /// initialisers, the shape EF can put into one UNION ALL (a constructor it cannot).</summary>
    private sealed class Pending
    {
        public DateTime At { get; init; }
        public decimal Amount { get; init; }
        public Guid PaymentId { get; init; }
        public bool IsRefund { get; init; }
    }

    /// <summary>The statement page's queries, compiled once.</summary>
    private static class Statement
    {
        /// <summary>The balance and the number of lines in the range, in one round trip.</summary>
        public static readonly CompiledQuery<Func<HousingDbContext, int, DateOnly, DateOnly, CancellationToken, Task<BalanceAndTotal>>> BalanceAndCount = new(() =>
            EF.CompileAsyncQuery((HousingDbContext db, int tenancyId, DateOnly from, DateOnly to, CancellationToken ct) =>
                db.Tenancies.Where(t => t.Id == tenancyId)
                    .Select(t => new BalanceAndTotal(t.Balance, db.RentTransactions.Count(r => r.TenancyId == tenancyId && r.Date >= from && r.Date <= to)))
                    .Single()));

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

        /// <summary>Pending payments and refunds still to be made, in one round trip.</summary>
        public static readonly CompiledQuery<Func<PortalDbContext, int, IAsyncEnumerable<Pending>>> Pending = new(() =>
            EF.CompileAsyncQuery((PortalDbContext db, int tenancyId) =>
                db.PaymentAttempts
                    .Where(a => a.TenancyId == tenancyId && a.Status == PaymentStatus.Pending)
                    .Select(a => new Pending { At = a.CreatedAt, Amount = a.Amount, PaymentId = a.Id, IsRefund = false })
                    .Concat(db.PaymentRefunds
                        .Where(r => (r.Status == RefundStatus.Requested || r.Status == RefundStatus.Pending)
                            && db.PaymentAttempts.Any(a => a.Id == r.PaymentAttemptId && a.TenancyId == tenancyId))
                        .Select(r => new Pending { At = r.RequestedAt, Amount = r.Amount, PaymentId = r.PaymentAttemptId, IsRefund = true }))));
    }
}
