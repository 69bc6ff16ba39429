using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Seeding;

public sealed class SeedDeterminismAndScaleTests
{
    private static readonly DateOnly Today = new(2026, 3, 25);

    [Fact]
    public async Task Seeding_twice_into_two_files_gives_identical_data()
    {
        await using var first = await SqliteTestDatabase.CreateAsync();
        await using var second = await SqliteTestDatabase.CreateAsync();
        await using (var db = first.Open())
            await HousingDemoSeeder.SeedAsync(db, Today, SeedScale.Demo);
        await using (var db = second.Open())
            await HousingDemoSeeder.SeedAsync(db, Today, SeedScale.Demo);

        var a = await SnapshotAsync(first);
        var b = await SnapshotAsync(second);

        Assert.Equal(a.Tenancies, b.Tenancies);
        Assert.Equal(a.Repairs, b.Repairs);
        Assert.Equal(a.Tenants, b.Tenants);
        Assert.Equal(a.TransactionCount, b.TransactionCount);
    }

    [Fact]
    public async Task A_scaled_down_large_seed_keeps_every_invariant()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var options = HousingSeedOptions.Large with { Properties = 1_500, BatchSize = 400 };

        await using (var db = database.Open())
            await HousingDemoSeeder.SeedAsync(db, Today, options);

        await using var check = database.Open();
        Assert.Equal(options.Patches, await check.Patches.CountAsync());
        Assert.Equal(1_500, await check.Tenancies.CountAsync(t => t.Status == TenancyStatus.Active));
        Assert.InRange(await check.Repairs.CountAsync(), 5_000, 10_000);
        Assert.InRange(await check.RentTransactions.CountAsync(), 100_000, 200_000);
        await SeedInvariants.AssertBalancesEqualTransactionSumsAsync(check);
        await SeedInvariants.AssertRepairHistoriesAreValidAsync(check);
        await SeedInvariants.AssertSlotsMatchBookingsAsync(check);
        await SeedInvariants.AssertReferenceCountersMatchRepairsAsync(check);
    }

    /// <summary>The Huge scale is streamed (a batch planned, written and committed at a time, references numbered at the
    /// end): scaled down, it must write exactly what the one-transaction seed writes.</summary>
    [Fact]
    public async Task A_streamed_seed_writes_the_same_data_as_the_one_transaction_seed_batch_by_batch()
    {
        await using var whole = await SqliteTestDatabase.CreateAsync();
        await using var streamed = await SqliteTestDatabase.CreateAsync();
        var options = HousingSeedOptions.Demo with { BatchSize = 60 };
        await using (var db = whole.Open())
            await HousingDemoSeeder.SeedAsync(db, Today, options);

        await using (var db = streamed.Open())
            await HousingDemoSeeder.SeedAsync(db, Today, options with { Streamed = true });

        var a = await SnapshotAsync(whole);
        var b = await SnapshotAsync(streamed);
        Assert.Equal(a.Tenancies, b.Tenancies);
        Assert.Equal(a.Repairs, b.Repairs);
        Assert.Equal(a.Tenants, b.Tenants);
        Assert.Equal(a.TransactionCount, b.TransactionCount);
        await using var check = streamed.Open();
        await SeedInvariants.AssertSlotsMatchBookingsAsync(check);
        await SeedInvariants.AssertReferenceCountersMatchRepairsAsync(check);
    }

    [Fact]
    public void The_huge_scale_is_the_largest_landlords_size_and_streamed()
    {
        var huge = HousingSeedOptions.For(SeedScale.Huge);

        Assert.Equal(150_000, huge.Properties);
        Assert.True(huge.Streamed);
        Assert.False(HousingSeedOptions.For(SeedScale.Large).Streamed);
    }

    private static async Task<(List<string> Tenancies, List<string> Repairs, List<string> Tenants, int TransactionCount)> SnapshotAsync(SqliteTestDatabase database)
    {
        await using var db = database.Open();
        var tenancies = (await db.Tenancies.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Reference, t.Balance, t.StartDate }).ToListAsync())
            .Select(t => $"{t.Reference}|{t.Balance}|{t.StartDate}").ToList();
        var repairs = (await db.Repairs.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Reference, r.Status, r.ReportedAt, r.Version }).ToListAsync())
            .Select(r => $"{r.Reference}|{r.Status}|{r.ReportedAt:O}|{r.Version}").ToList();
        var tenants = (await db.Tenants.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.FirstName, t.LastName, t.Email, t.MobilePhone, t.Version }).ToListAsync())
            .Select(t => $"{t.FirstName}|{t.LastName}|{t.Email}|{t.MobilePhone}|{t.Version}").ToList();
        return (tenancies, repairs, tenants, await db.RentTransactions.CountAsync());
    }
}
