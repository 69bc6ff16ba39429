using System.Data.Common;
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

    /// <summary>The history tables stay where the first migrations made them (dbo / public), though the portal's
    /// tables are in schema <c>portal</c>: EF would otherwise look for them in the model's default schema.</summary>
    public const string SqlServerHistorySchema = "dbo";
    public const string PostgresHistorySchema = "public";

    /// <summary>Transient failures (an Azure SQL failover, a deadlock victim) are retried a few times, quickly: a
    /// tenant waits a second or two rather than seeing the "try again later" page. Every use case's transaction runs
    /// inside the execution strategy (<see cref="PortalUnitOfWork"/>), so a retry repeats the whole use case.</summary>
    private const int RetryCount = 3;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>Registers both contexts for the configured provider. Features depend on the abstract
    /// HousingDbContext / PortalDbContext; the provider-specific subclasses only carry their own migrations.</summary>
    public static IServiceCollection AddPortalDatabases(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var mapping = configuration.GetSection(HousingMappingOptions.Section).Get<HousingMappingOptions>() ?? new HousingMappingOptions();
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

        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                AddContexts<SqlServerHousingDbContext, SqlServerPortalDbContext>(services, shared, housing, portal, mapping,
                    (o, connection, connectionString, history) => connection is null
                        ? o.UseSqlServer(connectionString, s => s.MigrationsHistoryTable(history, SqlServerHistorySchema).EnableRetryOnFailure(RetryCount, RetryDelay, null))
                        : o.UseSqlServer(connection, s => s.MigrationsHistoryTable(history, SqlServerHistorySchema).EnableRetryOnFailure(RetryCount, RetryDelay, null)));
                break;
            case DatabaseProvider.PostgreSql:
                AddContexts<PostgresHousingDbContext, PostgresPortalDbContext>(services, shared, housing, portal, mapping,
                    (o, connection, connectionString, history) => connection is null
                        ? o.UseNpgsql(connectionString, s => s.MigrationsHistoryTable(history, PostgresHistorySchema).EnableRetryOnFailure(RetryCount, RetryDelay, null))
                        : o.UseNpgsql(connection, s => s.MigrationsHistoryTable(history, PostgresHistorySchema).EnableRetryOnFailure(RetryCount, RetryDelay, null)));
                break;
            default:
                AddContexts<SqliteHousingDbContext, SqlitePortalDbContext>(services, shared, housing, portal, mapping,
                    (o, connection, connectionString, history) => connection is null
                        ? o.UseSqlite(connectionString, s => s.MigrationsHistoryTable(history))
                        : o.UseSqlite(connection, s => s.MigrationsHistoryTable(history)));
                break;
        }

        services.AddScoped<PortalUnitOfWork>();
        services.AddSingleton<QueryCounter>();
        return services;
    }

    /// <summary>Applies a provider to a context: on the request's shared connection when there is one, else on its
    /// own connection string; with the context's own migrations history table.</summary>
    private delegate DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, DbConnection? connection, string connectionString, string historyTable);

    private static void AddContexts<THousing, TPortal>(IServiceCollection services, bool shared, string housing, string portal, HousingMappingOptions mapping, UseProvider use)
        where THousing : HousingDbContext
        where TPortal : PortalDbContext
    {
        services.AddDbContext<HousingDbContext, THousing>((sp, o) =>
            use(o, shared ? sp.GetRequiredService<SharedConnection>().Connection : null, housing, HousingMigrationsTable).UseHousingMapping(mapping).UseQueryCounting(sp));
        services.AddDbContext<PortalDbContext, TPortal>((sp, o) =>
            use(o, shared ? sp.GetRequiredService<SharedConnection>().Connection : null, portal, PortalMigrationsTable).UseQueryCounting(sp));
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
