namespace TenantPortal.Tests.Repairs;

/// <summary>One seeded app per test class.</summary>
public sealed class RepairsAppFixture : IAsyncLifetime
{
    public RepairsApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await RepairsApp.StartAsync();

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
