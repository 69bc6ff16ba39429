using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Admin;

/// <summary>An empty, migrated SQLite file holding both the housing and the portal tables (no demo data), for tests that
/// need exact figures on a known dataset, with small builders for the rows they insert.</summary>
public sealed class AdminTestDatabase : IAsyncDisposable
{
    private int sequence;

    private AdminTestDatabase(string path) => Path = path;

    public string Path { get; }
    public string ConnectionString => $"Data Source={Path};Pooling=False";

    public static async Task<AdminTestDatabase> CreateAsync()
    {
        var database = new AdminTestDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tp-admin-{Guid.NewGuid():N}.db"));
        await using (var housing = database.Housing())
        {
            await housing.Database.MigrateAsync();
        }

        await using (var portal = database.Portal())
        {
            await portal.Database.MigrateAsync();
        }

        return database;
    }

    public SqliteHousingDbContext Housing() =>
        new(new DbContextOptionsBuilder<SqliteHousingDbContext>()
            .UseSqlite(ConnectionString, s => s.MigrationsHistoryTable(DatabaseRegistration.HousingMigrationsTable)).Options);

    public SqlitePortalDbContext Portal() =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite(ConnectionString, s => s.MigrationsHistoryTable(DatabaseRegistration.PortalMigrationsTable)).Options);

    public int Next() => Interlocked.Increment(ref sequence);

    /// <summary>A patch, a catalogue item per trade, and one tenancy with a lead tenant per given name.</summary>
    public async Task<Neighbourhood> AddNeighbourhoodAsync(string patchName, params (string First, string Last, string Address, string Postcode)[] households)
    {
        await using var db = Housing();
        var n = Next();
        var patch = new Patch { Code = $"T{n}", Name = patchName };
        db.Patches.Add(patch);
        var items = Enum.GetValues<Trade>().Select(t => new RepairCatalogueItem
        {
            Area = "Kitchen",
            Item = t.ToString(),
            Problem = "Broken",
            Trade = t,
            Priority = RepairPriority.Routine,
            JobCode = $"J{n}{t}",
        }).ToList();
        db.RepairCatalogue.AddRange(items);
        var tenancies = new List<Tenancy>();
        foreach (var h in households)
        {
            var property = new Property { AddressLine1 = h.Address, Town = "Testtown", Postcode = h.Postcode, Patch = patch };
            var tenancy = new Tenancy { Reference = $"TST-{Next():0000}", Property = property, StartDate = new DateOnly(2020, 1, 1) };
            tenancy.Tenants.Add(new Tenant { FirstName = h.First, LastName = h.Last, Role = TenantRole.LeadTenant, DateOfBirth = new DateOnly(1980, 1, 1) });
            db.Tenancies.Add(tenancy);
            tenancies.Add(tenancy);
        }

        await db.SaveChangesAsync();
        return new Neighbourhood(patch.Id, items.ToDictionary(i => i.Trade, i => i.Id), tenancies.Select(t => (t.Id, t.PropertyId)).ToList());
    }

    public async Task<Repair> AddRepairAsync(Neighbourhood place, int household, Action<Repair> configure)
    {
        await using var db = Housing();
        var (tenancyId, propertyId) = place.Tenancies[household];
        var repair = new Repair
        {
            Reference = $"R{Next():000000}",
            PropertyId = propertyId,
            TenancyId = tenancyId,
            CatalogueItemId = place.Items[Trade.Plumbing],
            Trade = Trade.Plumbing,
            Priority = RepairPriority.Routine,
            Description = "Test repair",
            Location = "Kitchen",
            Status = RepairStatus.Reported,
            ReportedAt = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc),
            TargetDate = new DateOnly(2026, 6, 29),
            Channel = RepairChannel.Portal,
        };
        configure(repair);
        repair.CatalogueItemId = place.Items[repair.Trade];
        db.Repairs.Add(repair);
        await db.SaveChangesAsync();
        return repair;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-journal", Path + "-wal", Path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }

        return ValueTask.CompletedTask;
    }
}

public sealed record Neighbourhood(int PatchId, IReadOnlyDictionary<Trade, int> Items, IReadOnlyList<(int TenancyId, int PropertyId)> Tenancies);
