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
            if (databaseOptions.Value.MigrateHousingDatabase)
            {
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
