namespace TenantPortal.Web.Infrastructure.Clock;

/// <summary>A clock that reads <see cref="Start"/> when the app starts and then runs at the normal rate. It exists so
/// that an app started in its own process (browser tests, demos of a given day) behaves the same whatever the wall
/// clock says: "tomorrow morning" and "after 6pm" are then facts of the test, not of the hour CI happens to run.
/// Timers and delays keep the system's, so time still passes for leases, timeouts and cookies.</summary>
public sealed class StartedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long startedAt = System.GetTimestamp();

    public DateTimeOffset Start { get; } = start;

    public override DateTimeOffset GetUtcNow() => Start + System.GetElapsedTime(startedAt);

    public override TimeZoneInfo LocalTimeZone => UkTime.Zone;
}
