namespace TenantPortal.Tests.Repairs;

/// <summary>One seeded app per test class.</summary>
public class RepairsAppFixture : IAsyncLifetime
{
    private readonly IDictionary<string, string?>? settings;

    public RepairsAppFixture()
        : this(null)
    {
    }

    protected RepairsAppFixture(IDictionary<string, string?>? settings) => this.settings = settings;

    public RepairsApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await RepairsApp.StartAsync(settings);

    /// <summary>Another app on the same provider, for a test that needs different services (e.g. its own clock).</summary>
    public Task<RepairsApp> StartAnotherAsync(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> services) =>
        RepairsApp.StartAsync(settings, services: services);

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The seeded app on a database of its own on the test run's PostgreSQL server.</summary>
public sealed class PostgresRepairsAppFixture() : RepairsAppFixture(Infrastructure.PostgresServer.Settings);
