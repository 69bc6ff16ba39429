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
                    (o, connectionString, history) => o.UseSqlServer(connectionString, s => s.MigrationsHistoryTable(history, SqlServerHistorySchema).EnableRetryOnFailure(RetryCount, RetryDelay, null)));
                break;
            case DatabaseProvider.PostgreSql:
                AddContexts<PostgresHousingDbContext, PostgresPortalDbContext>(services, shared, housing, portal, mapping,
                    (o, connectionString, history) => o.UseNpgsql(connectionString, s => s.MigrationsHistoryTable(history, PostgresHistorySchema).EnableRetryOnFailure(RetryCount, RetryDelay, null)));
                break;
            default:
                AddContexts<SqliteHousingDbContext, SqlitePortalDbContext>(services, shared, housing, portal, mapping,
                    (o, connectionString, history) => o.UseSqlite(connectionString, s => s.MigrationsHistoryTable(history)));
                break;
        }

        services.AddScoped<PortalUnitOfWork>();
        services.AddSingleton<QueryCounter>();
        return services;
    }

    /// <summary>Applies a provider to a context, on its connection string (replaced by the request's shared connection
    /// when both contexts use one database), with the context's own migrations history table.</summary>
    private delegate DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, string connectionString, string historyTable);

    /// <summary>Contexts at most in each pool (more are created, and disposed, when a burst needs them).</summary>
    private const int PoolSize = 256;

    /// <summary>Both contexts are pooled: their options are built once (not per request) and a returned context is
    /// reset and reused instead of being created again (about a quarter of a page's CPU before). The options are
    /// built here, in one place, for every provider: mapping options go through <paramref name="use"/> too. When both
    /// contexts share one database, each leased context is given the request's <see cref="SharedConnection"/>.</summary>
    private static void AddContexts<THousing, TPortal>(IServiceCollection services, bool shared, string housing, string portal, HousingMappingOptions mapping, UseProvider use)
        where THousing : HousingDbContext
        where TPortal : PortalDbContext
    {
        services.AddPooledDbContextFactory<THousing>((sp, o) => use(o, housing, HousingMigrationsTable).UseHousingMapping(mapping).UseQueryCounting(sp), PoolSize);
        services.AddPooledDbContextFactory<TPortal>((sp, o) => use(o, portal, PortalMigrationsTable).UseQueryCounting(sp), PoolSize);
        services.AddScoped<HousingDbContext>(sp => Lease<THousing>(sp, shared));
        services.AddScoped<PortalDbContext>(sp => Lease<TPortal>(sp, shared));
    }

    /// <summary>A context from the pool for this scope (disposing it at the end of the scope gives it back), on the
    /// scope's shared connection when both contexts live in one database.</summary>
    private static TContext Lease<TContext>(IServiceProvider services, bool shared)
        where TContext : DbContext
    {
        var context = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        if (shared)
        {
            services.GetRequiredService<SharedConnection>().Join(context);
        }

        return context;
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
