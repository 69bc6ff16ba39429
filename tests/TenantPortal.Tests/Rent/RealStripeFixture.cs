using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Rent;

/// <summary>The tests' running clock with an offset a test can move (the app takes its time from TimeProvider).</summary>
public sealed class ShiftableClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        set => Interlocked.Exchange(ref offsetTicks, value.Ticks);
    }

    // Starts at the tests' instant and runs at the normal rate (not the wall clock), moved by Offset.
    private readonly TimeProvider running = new TenantPortal.Web.Infrastructure.Clock.StartedClock(TestClock.Start);

    public override DateTimeOffset GetUtcNow() => running.GetUtcNow() + Offset;
}

/// <summary>The app with Stripe faked underneath, its public address set (Accounts:PublicBaseUrl) and a clock the
/// test can move, as a real deployment behind a load balancer would be.</summary>
public sealed class RealStripeFixture : IDisposable
{
    public const string PublicBaseUrl = "https://portal.example.org";

    public RealStripeFixture()
    {
        Factory = FakeStripe.CreateFactory(Stripe, services: s => s.AddSingleton<TimeProvider>(Clock),
            settings: new Dictionary<string, string?> { ["Accounts:PublicBaseUrl"] = PublicBaseUrl });
    }

    public FakeStripe Stripe { get; } = new();
    public ShiftableClock Clock { get; } = new();
    public PortalAppFactory Factory { get; }

    public Task<(HttpClient Client, TestTenancy Tenancy)> SignedInTenantAsync(decimal balance = 150m) => StripeAppFixture.SignIn(Factory, balance);

    public void Dispose() => Factory.Dispose();
}
