using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>Migrates and seeds one demo database per test run by starting the real app once; factories copy it.</summary>
public static class DemoDatabaseTemplate
{
    private static readonly Lazy<string> Template = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Template.Value;

    private static string Build()
    {
        var folder = Directory.CreateTempSubdirectory("tenantportal-template-").FullName;
        var path = System.IO.Path.Combine(folder, "template.db");
        using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Housing", $"Data Source={path}");
            b.UseSetting("ConnectionStrings:Portal", $"Data Source={path}");
            b.UseSetting("Email:PickupDirectory", System.IO.Path.Combine(folder, "emails"));
            b.UseSetting("DemoData:Seed", "true");
            b.UseSetting(TenantPortal.Web.Infrastructure.Clock.ClockSettings.StartKey, TestClock.StartSetting);
        }))
        {
            using var client = factory.CreateClient();
            client.GetAsync(new Uri("/health/live", UriKind.Relative)).GetAwaiter().GetResult().EnsureSuccessStatusCode();
        }

        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Fold the write-ahead log into the file so a plain copy is complete, and copies start in rollback mode.
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        return path;
    }
}
