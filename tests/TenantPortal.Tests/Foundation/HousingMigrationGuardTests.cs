using Microsoft.Data.Sqlite;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Tests.Foundation;

/// <summary>Start-up never migrates a landlord's existing HMS: off by default on SQL Server, and refused when the
/// housing tables exist without the portal's migrations history.</summary>
public sealed class HousingMigrationGuardTests
{
    [Theory]
    [InlineData("SqlServer", null, false)]
    [InlineData("SqlServer", true, true)]
    [InlineData("Sqlite", null, true)]
    [InlineData("PostgreSql", null, true)]
    [InlineData("Sqlite", false, false)]
    public void The_housing_database_is_migrated_by_default_only_when_the_portal_usually_owns_it(string provider, bool? setting, bool migrates)
    {
        var options = new DatabaseOptions { Provider = provider, MigrateHousingDatabase = setting };

        Assert.Equal(migrates, options.MigratesHousingDatabase);
    }

    [Fact]
    public void Start_up_refuses_to_migrate_housing_tables_that_exist_without_the_portals_history()
    {
        var folder = Directory.CreateTempSubdirectory("tenantportal-hms-").FullName;
        var hms = Path.Combine(folder, "hms.db");
        using (var connection = new SqliteConnection($"Data Source={hms}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE \"Tenancies\" (\"Id\" INTEGER PRIMARY KEY, \"Reference\" TEXT NOT NULL)";
            command.ExecuteNonQuery();
        }

        using var factory = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Housing"] = $"Data Source={hms}",
            ["DemoData:Seed"] = "false",
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = string.Join(" | ", Messages(failure));
        Assert.Contains("already has a Tenancies table but no __HousingMigrationsHistory", message, StringComparison.Ordinal);
        Assert.Contains("Set Database:MigrateHousingDatabase to false", message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Start_up_refuses_to_migrate_a_housing_database_mapped_with_hms_options()
    {
        using var factory = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Housing:Mapping:VarcharTables:0"] = "Repairs",
            ["DemoData:Seed"] = "false",
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = string.Join(" | ", Messages(failure));
        Assert.Contains("Housing:Mapping is set for an existing housing management system", message, StringComparison.Ordinal);
        Assert.Contains("Set Database:MigrateHousingDatabase to false", message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }
}
