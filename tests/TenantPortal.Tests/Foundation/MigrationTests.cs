using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Tests.Foundation;

/// <summary>Every provider's migrations must match the model (what `dotnet ef migrations has-pending-model-changes`
/// checks) and produce a script. SQL Server and PostgreSQL are never reached: neither check opens a connection.</summary>
public sealed class MigrationTests
{
    private const string SqlServer = "Server=localhost;Database=TenantPortal;Trusted_Connection=True;TrustServerCertificate=True";

    private const string Postgres = "Host=localhost;Database=tenantportal";

    public static TheoryData<string> Contexts => ["sqlite-housing", "sqlserver-housing", "postgres-housing", "sqlite-portal", "sqlserver-portal", "postgres-portal"];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Migrations_have_no_pending_model_changes(string name)
    {
        using var db = Create(name);

        Assert.False(db.Database.HasPendingModelChanges(), $"{name}: the model has changes no migration covers. Run src/TenantPortal.Web/Data/regenerate-migrations.sh.");
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Migrations_generate_a_script(string name)
    {
        using var db = Create(name);
        // SQL Server and PostgreSQL deployments run the idempotent script; SQLite can't make one, and migrates at start-up instead.
        var options = !name.StartsWith("sqlite", StringComparison.Ordinal) ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default;

        var script = db.GetService<IMigrator>().GenerateScript(options: options);

        Assert.Contains("CREATE TABLE", script, StringComparison.Ordinal);
        Assert.Contains(name.EndsWith("housing", StringComparison.Ordinal) ? "__HousingMigrationsHistory" : "__PortalMigrationsHistory", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_server_housing_script_creates_the_tables_the_portal_relies_on()
    {
        using var db = Create("sqlserver-housing");

        var script = db.GetService<IMigrator>().GenerateScript();

        foreach (var table in new[] { "Properties", "Tenancies", "Tenants", "HouseholdMembers", "RentTransactions", "Repairs", "RepairStatusHistory", "AppointmentSlots", "Appointments", "RepairCatalogue" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        Assert.Contains("CREATE UNIQUE INDEX [IX_RentTransactions_ProviderReference]", script, StringComparison.Ordinal);
    }

    private static DbContext Create(string name) => name switch
    {
        "sqlite-housing" => new SqliteHousingDbContext(new DbContextOptionsBuilder<SqliteHousingDbContext>()
            .UseSqlite("Data Source=:memory:", s => s.MigrationsHistoryTable("__HousingMigrationsHistory")).Options),
        "sqlserver-housing" => new SqlServerHousingDbContext(new DbContextOptionsBuilder<SqlServerHousingDbContext>()
            .UseSqlServer(SqlServer, s => s.MigrationsHistoryTable("__HousingMigrationsHistory")).Options),
        "sqlite-portal" => new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite("Data Source=:memory:", s => s.MigrationsHistoryTable("__PortalMigrationsHistory")).Options),
        "sqlserver-portal" => new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer(SqlServer, s => s.MigrationsHistoryTable("__PortalMigrationsHistory")).Options),
        "postgres-housing" => new PostgresHousingDbContext(new DbContextOptionsBuilder<PostgresHousingDbContext>()
            .UseNpgsql(Postgres, s => s.MigrationsHistoryTable("__HousingMigrationsHistory")).Options),
        "postgres-portal" => new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql(Postgres, s => s.MigrationsHistoryTable("__PortalMigrationsHistory")).Options),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
