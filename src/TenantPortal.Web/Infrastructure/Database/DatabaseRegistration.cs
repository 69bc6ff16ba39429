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

        var provider = options.ParsedProvider;
        if (provider == DatabaseProvider.Sqlite)
        {
            housing = ResolveSqlitePath(housing, environment);
            portal = ResolveSqlitePath(portal, environment);
        }

        // When both contexts live in one database they share one connection per request, so a use case that writes
        // to both (a payment and its rent line, a change and its audit row) commits in one transaction.
        var shared = string.Equals(housing, portal, StringComparison.Ordinal);
        services.AddSingleton(new DatabaseTopology(provider, shared));
        services.AddScoped(_ => new SharedConnection(provider, housing));

        if (provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContext<HousingDbContext, SqlServerHousingDbContext>((sp, o) => (shared
                ? o.UseSqlServer(sp.GetRequiredService<SharedConnection>().Connection, s => s.MigrationsHistoryTable(HousingMigrationsTable))
                : o.UseSqlServer(housing, s => s.MigrationsHistoryTable(HousingMigrationsTable))).UseQueryCounting(sp));
            services.AddDbContext<PortalDbContext, SqlServerPortalDbContext>((sp, o) => (shared
                ? o.UseSqlServer(sp.GetRequiredService<SharedConnection>().Connection, s => s.MigrationsHistoryTable(PortalMigrationsTable))
                : o.UseSqlServer(portal, s => s.MigrationsHistoryTable(PortalMigrationsTable))).UseQueryCounting(sp));
        }
        else
        {
            services.AddDbContext<HousingDbContext, SqliteHousingDbContext>((sp, o) => (shared
                ? o.UseSqlite(sp.GetRequiredService<SharedConnection>().Connection, s => s.MigrationsHistoryTable(HousingMigrationsTable))
                : o.UseSqlite(housing, s => s.MigrationsHistoryTable(HousingMigrationsTable))).UseQueryCounting(sp));
            services.AddDbContext<PortalDbContext, SqlitePortalDbContext>((sp, o) => (shared
                ? o.UseSqlite(sp.GetRequiredService<SharedConnection>().Connection, s => s.MigrationsHistoryTable(PortalMigrationsTable))
                : o.UseSqlite(portal, s => s.MigrationsHistoryTable(PortalMigrationsTable))).UseQueryCounting(sp));
        }

        services.AddScoped<PortalUnitOfWork>();
        services.AddSingleton<QueryCounter>();
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
