using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Tests.Seeding;

/// <summary>Checks that hold for seeded data at every scale. Money is summed in memory (SQLite can't aggregate decimal).</summary>
internal static class SeedInvariants
{
    public static async Task AssertBalancesEqualTransactionSumsAsync(HousingDbContext db)
    {
        var sums = new Dictionary<int, decimal>();
        await foreach (var row in db.RentTransactions.AsNoTracking().Select(t => new { t.TenancyId, t.Amount }).AsAsyncEnumerable())
            sums[row.TenancyId] = sums.GetValueOrDefault(row.TenancyId) + row.Amount;

        var tenancies = await db.Tenancies.AsNoTracking().Select(t => new { t.Reference, t.Id, t.Balance, t.BalanceUpdatedAt }).ToListAsync();
        Assert.NotEmpty(tenancies);
        foreach (var tenancy in tenancies)
        {
            Assert.True(sums.GetValueOrDefault(tenancy.Id) == tenancy.Balance,
                $"{tenancy.Reference}: balance {tenancy.Balance} but transactions sum to {sums.GetValueOrDefault(tenancy.Id)}");
            Assert.NotEqual(default, tenancy.BalanceUpdatedAt);
        }
    }

    public static async Task AssertRepairHistoriesAreValidAsync(HousingDbContext db)
    {
        var repairs = await db.Repairs.AsNoTracking()
            .Select(r => new { r.Id, r.Reference, r.Status, r.ReportedAt, r.CompletedAt, r.CancelledAt })
            .ToListAsync();
        var history = (await db.RepairStatusHistory.AsNoTracking().Select(h => new { h.RepairId, h.Id, h.Status, h.At }).ToListAsync())
            .GroupBy(h => h.RepairId)
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.Id).ToList());
        Assert.NotEmpty(repairs);
        foreach (var repair in repairs)
        {
            var steps = history.GetValueOrDefault(repair.Id) ?? [];
            Assert.True(steps.Count > 0, $"{repair.Reference} has no history");
            Assert.Equal(RepairStatus.Reported, steps[0].Status);
            Assert.Equal(repair.ReportedAt, steps[0].At);
            Assert.True(steps[^1].Status == repair.Status, $"{repair.Reference} is {repair.Status} but its history ends {steps[^1].Status}");
            for (var i = 1; i < steps.Count; i++)
            {
                Assert.True(steps[i].At > steps[i - 1].At, $"{repair.Reference}: history out of order at step {i}");
                Assert.True(steps[i - 1].Status is not (RepairStatus.Completed or RepairStatus.Cancelled),
                    $"{repair.Reference}: a change after {steps[i - 1].Status}");
            }

            Assert.Equal(repair.Status == RepairStatus.Completed, repair.CompletedAt is not null);
            Assert.Equal(repair.Status == RepairStatus.Cancelled, repair.CancelledAt is not null);
        }
    }

    public static async Task AssertSlotsMatchBookingsAsync(HousingDbContext db)
    {
        var slots = await db.AppointmentSlots.AsNoTracking().ToListAsync();
        var booked = (await db.Appointments.AsNoTracking().Where(a => a.Status == AppointmentStatus.Booked).Select(a => a.SlotId).ToListAsync())
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(slots);
        foreach (var slot in slots)
        {
            Assert.InRange(slot.BookedCount, 0, slot.Capacity);
            Assert.Equal(booked.GetValueOrDefault(slot.Id), slot.BookedCount);
        }
    }

    public static async Task AssertReferenceCountersMatchRepairsAsync(HousingDbContext db)
    {
        var references = await db.Repairs.AsNoTracking().Select(r => r.Reference).ToListAsync();
        var highest = references
            .Select(r => (Year: int.Parse(r[1..5], System.Globalization.CultureInfo.InvariantCulture), Sequence: int.Parse(r[6..], System.Globalization.CultureInfo.InvariantCulture)))
            .GroupBy(r => r.Year)
            .ToDictionary(g => g.Key, g => g.Max(r => r.Sequence));
        var counters = await db.RepairReferenceCounters.AsNoTracking().ToDictionaryAsync(c => c.Year, c => c.LastSequence);
        Assert.Equal(highest.OrderBy(kv => kv.Key), counters.OrderBy(kv => kv.Key));
    }
}
