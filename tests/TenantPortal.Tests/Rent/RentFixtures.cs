using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Rent;

/// <summary>The app with Stripe keys configured and Stripe's API faked underneath.</summary>
public class StripeAppFixture : IDisposable
{
    public StripeAppFixture()
        : this(null)
    {
    }

    protected StripeAppFixture(IDictionary<string, string?>? settings)
    {
        Factory = FakeStripe.CreateFactory(Stripe, settings: settings);
    }

    public FakeStripe Stripe { get; } = new();
    public PortalAppFactory Factory { get; }

    /// <summary>A new tenant (own email, own tenancy) signed in on a new browser client.</summary>
    public Task<(HttpClient Client, TestTenancy Tenancy)> SignedInTenantAsync(decimal balance = 150m) => SignIn(Factory, balance);

    internal static async Task<(HttpClient Client, TestTenancy Tenancy)> SignIn(PortalAppFactory factory, decimal balance)
    {
        var tenancy = await RentAccountBuilder.Account().WithBalance(balance).ForUserAsync(factory, $"tenant-{Guid.NewGuid():N}@example.org");
        var client = factory.CreateBrowserClient();
        await Infrastructure.SignIn.AsTenantAsync(client, tenancy.Email);
        return (client, tenancy);
    }

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same app on a database of its own on the test run's PostgreSQL server.</summary>
public sealed class PostgresStripeAppFixture() : StripeAppFixture(PostgresServer.Settings);

/// <summary>The app in Development without Stripe keys: the test payment gateway.</summary>
public sealed class TestGatewayAppFixture : IDisposable
{
    public PortalAppFactory Factory { get; } = new(settings: new Dictionary<string, string?> { ["Payments:RunReconciliation"] = "false" });

    public Task<(HttpClient Client, TestTenancy Tenancy)> SignedInTenantAsync(decimal balance = 150m) => StripeAppFixture.SignIn(Factory, balance);

    public void Dispose() => Factory.Dispose();
}
