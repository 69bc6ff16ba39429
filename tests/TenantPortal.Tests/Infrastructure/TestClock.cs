using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>The instant every test app starts its clock at (the app's Development-only <c>Clock:Start</c>), so no test
/// depends on when the suite runs: 10:00 on Tuesday 10 November 2026, a working week with no bank holiday, well before
/// the 6pm cut-off for changing tomorrow's appointments, and in GMT (no clock change for months either side).</summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 10, 10, 0, 0, TimeSpan.Zero);

    public static string StartSetting => Start.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The UK day the test apps start on.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Start.UtcDateTime);

    /// <summary>A clock the test moves by hand, starting at <see cref="Start"/> unless told otherwise.</summary>
    public static FakeTimeProvider Fake(DateTimeOffset? at = null) => new(at ?? Start);

    /// <summary>The app's own clock (its "now"), for rows a test writes beside the app's.</summary>
    public static DateTime UtcNow(IServiceProvider services) => services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
}
