using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Web.Infrastructure.Database;

public static class DatabaseRegistration
{
    public const string HousingMigrationsTable = "__HousingMigrationsHistory";
    public const string PortalMigrationsTable = "__PortalMigrationsHistory";

    /// <summary>Registers both contexts for the configured provider. Features depend on the abstract
    /// HousingDbContext / PortalDbContext; the provider-specific subclasses only carry their own migrations.</summary>
    public static IServiceCollection AddPortalDatabases(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var housing = configuration.GetConnectionString("Housing")!;
        var portal = configuration.GetConnectionString("Portal")!;

        switch (options.ParsedProvider)
        {
            case DatabaseProvider.SqlServer:
                services.AddDbContext<HousingDbContext, SqlServerHousingDbContext>(o =>
                    o.UseSqlServer(housing, s => s.MigrationsHistoryTable(HousingMigrationsTable).EnableRetryOnFailure()));
                services.AddDbContext<PortalDbContext, SqlServerPortalDbContext>(o =>
                    o.UseSqlServer(portal, s => s.MigrationsHistoryTable(PortalMigrationsTable).EnableRetryOnFailure()));
                break;
            default:
                housing = ResolveSqlitePath(housing, environment);
                portal = ResolveSqlitePath(portal, environment);
                services.AddDbContext<HousingDbContext, SqliteHousingDbContext>(o =>
                    o.UseSqlite(housing, s => s.MigrationsHistoryTable(HousingMigrationsTable)));
                services.AddDbContext<PortalDbContext, SqlitePortalDbContext>(o =>
                    o.UseSqlite(portal, s => s.MigrationsHistoryTable(PortalMigrationsTable)));
                break;
        }

        return services;
    }

    /// <summary>Relative SQLite paths are taken from the content root, and their folder created, so the app runs
    /// the same from any working directory.</summary>
    internal static string ResolveSqlitePath(string connectionString, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource.Contains(":memory:", StringComparison.Ordinal))
        {
            return connectionString;
        }

        var full = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(environment.ContentRootPath, builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        builder.DataSource = full;
        // Wait for a writer instead of failing at once with "database is locked".
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ConnectionString;
    }
}
