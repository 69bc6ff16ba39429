namespace TenantPortal.Web.Infrastructure.Configuration;

public enum DatabaseProvider { Sqlite, SqlServer, PostgreSql }

/// <summary>Which engine, and where the two databases live. Both connection strings may name the same database.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Apply pending migrations at start-up (portal tables always; the housing tables only when the portal
    /// owns them, never on a landlord's existing HMS database).</summary>
    public bool MigrateOnStartup { get; set; } = true;
    /// <summary>Unset: on for SQLite and PostgreSQL (the portal owns a new database), off for SQL Server, where the
    /// housing tables are usually the landlord's HMS. Set it true for a new, portal-owned SQL Server database.</summary>
    public bool? MigrateHousingDatabase { get; set; }

    public bool MigratesHousingDatabase => MigrateHousingDatabase ?? ParsedProvider != DatabaseProvider.SqlServer;

    public DatabaseProvider ParsedProvider =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var p) ? p
        : throw new InvalidOperationException($"Database:Provider '{Provider}' is not known. Use 'Sqlite', 'SqlServer' or 'PostgreSql'.");
}
