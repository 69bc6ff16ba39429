using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Web.Infrastructure.Database;

/// <summary>Brings both databases up to date at start-up and, where configured, fills them with demo data.</summary>
public sealed class DatabaseInitializer(
    IServiceProvider services,
    IOptions<DatabaseOptions> databaseOptions,
    IOptions<DemoDataOptions> demoOptions,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var housing = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
        var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        if (databaseOptions.Value.MigrateOnStartup)
        {
            await UseWriteAheadLogAsync(housing, ct);
            await UseWriteAheadLogAsync(portal, ct);
            if (databaseOptions.Value.MigratesHousingDatabase)
            {
                RefuseAnHmsMapping(housing);
                await RefuseAnExistingHmsAsync(housing, ct);
                await housing.Database.MigrateAsync(ct);
            }

            await portal.Database.MigrateAsync(ct);
            logger.LogInformation("Databases migrated");
        }

        if (demoOptions.Value.Seed)
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            await demo.SeedAsync(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), demoOptions.Value.Scale, ct);
        }
    }

    /// <summary>Housing:Mapping options describe an existing HMS's tables, which the portal's housing migrations
    /// (built for its own schema) do not: migrating with them is a mistake, refused with the fix.</summary>
    private static void RefuseAnHmsMapping(HousingDbContext housing)
    {
        if (!housing.Mapping.IsDefault)
        {
            throw new InvalidOperationException(
                $"{HousingMappingOptions.Section} is set for an existing housing management system, which the portal must never migrate. " +
                "Set Database:MigrateHousingDatabase to false (docs/housing-database.md).");
        }
    }

    /// <summary>Migrating creates the tables from scratch: pointed at an HMS that already has them (and no portal
    /// migrations history), it would fail half-way or build a second set beside them. Refused, with the fix.</summary>
    private static async Task RefuseAnExistingHmsAsync(HousingDbContext housing, CancellationToken ct)
    {
        if ((await housing.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            return;
        }

        bool tablesExist;
        try
        {
            // Reading the table at all is the test: it fails where the table does not exist.
            await housing.Tenancies.AnyAsync(ct);
            tablesExist = true;
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex))
        {
            tablesExist = false;
        }

        if (tablesExist)
        {
            throw new InvalidOperationException(
                $"The housing database already has a Tenancies table but no {DatabaseRegistration.HousingMigrationsTable}: it looks like an existing housing management system, " +
                "which the portal must never migrate. Set Database:MigrateHousingDatabase to false (docs/housing-database.md).");
        }
    }

    /// <summary>WAL lets readers carry on while one request writes; the setting is stored in the file.</summary>
    private static async Task UseWriteAheadLogAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA journal_mode=WAL;";
                await command.ExecuteScalarAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
