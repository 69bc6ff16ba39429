using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Foundation;

/// <summary>Readiness reads one row of every mapped entity: a mapping that names a column the database does not
/// have takes the instance out of the load balancer, with a message naming the table and the column.</summary>
public sealed class MappingReadinessTests : IDisposable
{
    private readonly PortalAppFactory factory = new();

    [Fact]
    public async Task An_instance_whose_mapping_matches_the_database_is_ready()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_mapped_column_missing_from_the_database_fails_readiness_naming_the_table_and_column()
    {
        using var client = factory.CreateClient();
        await using (var connection = new SqliteConnection(factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE \"Repairs\" RENAME COLUMN \"Location\" TO \"WhereInTheHome\"";
            await command.ExecuteNonQueryAsync();
        }

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var report = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var housing = report.Entries["housing-mapping"];
        Assert.Equal(HealthStatus.Unhealthy, housing.Status);
        Assert.StartsWith("Table Repairs, column Location (property Repair.Location) cannot be read", housing.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, report.Entries["portal-mapping"].Status);
    }

    public void Dispose() => factory.Dispose();
}
