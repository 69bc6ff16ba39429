using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Seeding;

/// <summary>One demo-scale seed shared by the read-only tests in a class.</summary>
public sealed class SeededDemoDatabase : IAsyncLifetime
{
    /// <summary>A fixed "today" (a Monday) so the tests see the same data on every run.</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    public SqliteTestDatabase Database { get; private set; } = null!;

    public TimeSpan SeedDuration { get; private set; }

    public async Task InitializeAsync()
    {
        Database = await SqliteTestDatabase.CreateAsync();
        await using var db = Database.Open();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await HousingDemoSeeder.SeedAsync(db, Today, SeedScale.Demo);
        SeedDuration = started.Elapsed;
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
