using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>Fills an empty housing database with realistic, deterministic demo data: the same options and the same
/// <c>today</c> always give the same rows. Does nothing if the database already has tenancies.</summary>
public static class HousingDemoSeeder
{
    /// <summary>The time of day "now" is taken to be on <c>today</c>: everything in the past happened before it.</summary>
    public static readonly TimeOnly SeedTimeOfDay = new(7, 30);

    private const long FirstUprn = 100_090_000_000;

    public static Task SeedAsync(HousingDbContext db, DateOnly today, SeedScale scale = SeedScale.Demo, CancellationToken ct = default) =>
        SeedAsync(db, today, HousingSeedOptions.For(scale), ct);

    public static async Task SeedAsync(HousingDbContext db, DateOnly today, HousingSeedOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        if (await db.Tenancies.AnyAsync(ct))
            return;

        if (options.Streamed)
        {
            await SeedStreamedAsync(db, today, options, ct);
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            // Needed: a retry of the execution strategy starts from nothing tracked (not a use case's rollback).
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await SeedCoreAsync(db, today, options, ct);
                await transaction.CommitAsync(ct);
            }
            finally
            {
                // Needed: the seeded rows are not kept in memory by the context the app goes on using.
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }
        });
    }

    private static async Task SeedCoreAsync(HousingDbContext db, DateOnly today, HousingSeedOptions options, CancellationToken ct)
    {
        var (patches, slots, planner) = await StartAsync(db, today, options, ct);
        var window = Window.For(today, options);
        var properties = PlanProperties(options, patches, planner, today, window.HistoryStart, window.Now).ToList();
        AssignRepairReferences(properties, out var counters);

        db.AppointmentSlots.AddRange(slots.Slots);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear(); // Needed: thousands of saved rows; later batches need not track them.

        foreach (var batch in properties.Chunk(Math.Max(1, options.BatchSize)))
        {
            await SaveBatchAsync(db, batch, window.HistoryStart, today, window.Now, ct);
        }

        db.RepairReferenceCounters.AddRange(counters);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The streamed seed (<see cref="HousingSeedOptions.Streamed"/>): homes planned and written a batch at a
    /// time, each batch in its own transaction, so memory holds one batch whatever the size. Repairs are written with
    /// provisional references and numbered at the end, in the order they were reported, by one UPDATE.</summary>
    private static async Task SeedStreamedAsync(HousingDbContext db, DateOnly today, HousingSeedOptions options, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
            throw new NotSupportedException("A streamed (Huge) seed numbers its repairs with SQLite's SQL: seed it into a SQLite database.");

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var (patches, slots, planner) = await StartAsync(db, today, options, ct);
            db.AppointmentSlots.AddRange(slots.Slots);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            var window = Window.For(today, options);
            var provisional = 0;
            foreach (var batch in PlanProperties(options, patches, planner, today, window.HistoryStart, window.Now).Chunk(Math.Max(1, options.BatchSize)))
            {
                foreach (var repair in batch.SelectMany(p => p.Tenancies).SelectMany(t => t.Repairs))
                    repair.Repair.Reference = $"P{++provisional:D9}";
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await SaveBatchAsync(db, batch, window.HistoryStart, today, window.Now, ct);
                await transaction.CommitAsync(ct);
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                // The slots' places taken, known only now that every repair is planned.
                db.AppointmentSlots.AttachRange(slots.Slots);
                foreach (var slot in slots.Slots)
                    db.Entry(slot).Property(s => s.BookedCount).IsModified = true;
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();

                await db.Database.ExecuteSqlRawAsync(NumberRepairsInReportedOrderSql, ct);
                var years = await db.Repairs.GroupBy(r => r.ReportedAt.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
                db.RepairReferenceCounters.AddRange(years.Select(y => new RepairReferenceCounter { Year = y.Year, LastSequence = y.Count }));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>R + year + sequence in the order reported within the year (<see cref="FormatRepairReference"/>), for
    /// every repair at once.</summary>
    private const string NumberRepairsInReportedOrderSql = """
        UPDATE "Repairs" SET "Reference" = 'R' || n."Year" || '-' || printf('%05d', n."Sequence")
        FROM (SELECT "Id", strftime('%Y', "ReportedAt") AS "Year",
                     ROW_NUMBER() OVER (PARTITION BY strftime('%Y', "ReportedAt") ORDER BY "ReportedAt", "Id") AS "Sequence"
              FROM "Repairs") AS n
        WHERE "Repairs"."Id" = n."Id"
        """;

    /// <summary>"Now" and the start of the rent history for a seed on <c>today</c>.</summary>
    private readonly record struct Window(DateTime Now, DateOnly HistoryStart, DateOnly RepairWindowStart)
    {
        public static Window For(DateOnly today, HousingSeedOptions options) => new(
            today.ToDateTime(SeedTimeOfDay, DateTimeKind.Utc),
            today.AddDays(-7 * options.HistoryWeeks),
            today.AddDays(-7 * options.RepairHistoryWeeks));
    }

    /// <summary>The patches and the repair catalogue (saved), the appointment slots and the repair planner.</summary>
    private static async Task<(List<Patch> Patches, AppointmentSlotPlanner Slots, RepairPlanner Planner)> StartAsync(
        HousingDbContext db, DateOnly today, HousingSeedOptions options, CancellationToken ct)
    {
        var window = Window.For(today, options);
        var patches = DemoPlaces.CreatePatches(options.Patches);
        db.Patches.AddRange(patches);
        var catalogue = RepairCatalogueSeed.Create();
        db.RepairCatalogue.AddRange(catalogue);
        db.Contractors.AddRange(DemoContractors.Create());
        await db.SaveChangesAsync(ct);

        var slots = new AppointmentSlotPlanner(patches, today, new Random(Seed(options.RandomSeed, 3, 0)));
        return (patches, slots, new RepairPlanner(catalogue, slots, window.RepairWindowStart, today, window.Now));
    }

    /// <summary>Each home's plan in turn (its tenancies, households and repairs), so a caller can write them a batch at a time.</summary>
    private static IEnumerable<PropertyPlan> PlanProperties(HousingSeedOptions options, List<Patch> patches, RepairPlanner planner,
        DateOnly today, DateOnly historyStart, DateTime now)
    {
        var indexInPatch = new int[patches.Count];
        var tenancyNumber = 1000;
        var first = 0;
        if (options.IncludeDemoRecords)
        {
            var rng = new Random(Seed(options.RandomSeed, 4, 0));
            var demo1 = DemoRecords.First(today, FirstUprn);
            demo1.Property.PatchId = patches[0].Id;
            DemoRecords.PlanFirstRepairs(planner, demo1.Tenancies[0], patches[0].Id, now, rng);
            var secondPatch = patches[patches.Count > 1 ? 1 : 0];
            var demo2 = DemoRecords.Second(today, FirstUprn + 1);
            demo2.Property.PatchId = secondPatch.Id;
            DemoRecords.PlanSecondRepairs(planner, demo2.Tenancies[0], secondPatch.Id, now, rng);
            yield return demo1;
            yield return demo2;
            first = 2;
        }

        for (var i = first; i < options.Properties; i++)
        {
            var rng = new Random(Seed(options.RandomSeed, 1, i));
            var patchIndex = i % patches.Count;
            var patch = patches[patchIndex];
            var property = DemoPlaces.CreateProperty(rng, patchIndex, indexInPatch[patchIndex]++, FirstUprn + i);
            property.PatchId = patch.Id;
            var plan = new PropertyPlan(property);

            DateOnly start;
            if (rng.Next(100) < 4)
            {
                var ended = historyStart.AddDays(rng.Next(70, Math.Max(71, today.DayNumber - historyStart.DayNumber - 60)));
                var earlier = HouseholdGenerator.Create(rng, ++tenancyNumber, property, ended.AddYears(-rng.Next(3, 20)), ended, today);
                plan.Tenancies.Add(earlier);
                start = ended.AddDays(rng.Next(7, 42));
            }
            else
            {
                start = rng.Next(100) < 85
                    ? today.AddDays(-rng.Next((7 * options.HistoryWeeks) + 7, 30 * 365))
                    : today.AddDays(-rng.Next(30, Math.Max(31, 7 * options.HistoryWeeks)));
            }

            var current = HouseholdGenerator.Create(rng, ++tenancyNumber, property, start, null, today);
            if (i == first)
                DemoRecords.PlanShowcaseRepairs(planner, current, patch.Id, now, new Random(Seed(options.RandomSeed, 4, 1)));
            planner.PlanRandom(new Random(Seed(options.RandomSeed, 2, tenancyNumber)), current, patch.Id, options.RepairsPerTenancy);
            plan.Tenancies.Add(current);
            yield return plan;
        }
    }

    /// <summary>References in the order repairs were reported: R + year + five-digit sequence, e.g. R2026-00042.</summary>
    private static void AssignRepairReferences(List<PropertyPlan> properties, out List<RepairReferenceCounter> counters)
    {
        var byYear = new SortedDictionary<int, int>();
        var ordered = properties.SelectMany(p => p.Tenancies).SelectMany(t => t.Repairs).OrderBy(r => r.Repair.ReportedAt);
        foreach (var plan in ordered)
        {
            var year = plan.Repair.ReportedAt.Year;
            var sequence = byYear.GetValueOrDefault(year) + 1;
            byYear[year] = sequence;
            plan.Repair.Reference = FormatRepairReference(year, sequence);
        }

        counters = byYear.Select(kv => new RepairReferenceCounter { Year = kv.Key, LastSequence = kv.Value }).ToList();
    }

    public static string FormatRepairReference(int year, int sequence) => $"R{year}-{sequence:D5}";

    private static async Task SaveBatchAsync(HousingDbContext db, PropertyPlan[] batch, DateOnly historyStart, DateOnly today, DateTime now, CancellationToken ct)
    {
        var ledgers = new List<(Tenancy Tenancy, List<RentTransaction> Rows)>();
        foreach (var tenancyPlan in batch.SelectMany(p => p.Tenancies))
        {
            db.Tenancies.Add(tenancyPlan.Tenancy);
            ledgers.Add((tenancyPlan.Tenancy, RentLedgerGenerator.Generate(tenancyPlan.Tenancy, tenancyPlan.Ledger, historyStart, today, now.AddHours(-2))));
        }

        await db.SaveChangesAsync(ct);

        var rows = new List<RentTransaction>();
        foreach (var (tenancy, tenancyRows) in ledgers)
        {
            foreach (var row in tenancyRows)
                row.TenancyId = tenancy.Id;
            rows.AddRange(tenancyRows);
        }

        await BulkInserter.InsertAsync(db, rows, ct);

        foreach (var tenancyPlan in batch.SelectMany(p => p.Tenancies))
        {
            var tenancy = tenancyPlan.Tenancy;
            foreach (var repairPlan in tenancyPlan.Repairs)
            {
                var repair = repairPlan.Repair;
                repair.PropertyId = tenancy.Property.Id;
                repair.TenancyId = tenancy.Id;
                repair.ReportedByTenantId = tenancy.Tenants[repairPlan.ReporterIndex].Id;
                repair.CatalogueItemId = repairPlan.Item.Id;
                foreach (var appointment in repair.Appointments)
                    appointment.SlotId = repairPlan.Slot!.Id;
                db.Repairs.Add(repair);
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear(); // Needed: as above, the saved batch is not kept tracked.
        // Let the saved entities go: only the keys were needed, and they are in the database now.
        foreach (var propertyPlan in batch)
            propertyPlan.Tenancies.Clear();
    }

    /// <summary>A seed for one stream of random choices (properties, repairs, slots...) and one item in it, so each
    /// home's data does not depend on how many random numbers earlier homes used.</summary>
    private static int Seed(int baseSeed, int stream, int index) => unchecked((((baseSeed * 31) + stream) * 1_000_003) + index);
}
