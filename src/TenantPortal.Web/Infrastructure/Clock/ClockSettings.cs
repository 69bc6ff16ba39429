using System.Globalization;

namespace TenantPortal.Web.Infrastructure.Clock;

/// <summary>The app's clock: the system clock, or in Development a <see cref="StartedClock"/> from
/// <c>Clock:Start</c> (an ISO 8601 instant with its offset, e.g. <c>2026-11-10T10:00:00Z</c>). Production refuses the
/// setting at start-up: a landlord's statutory clocks must run on real time.</summary>
public static class ClockSettings
{
    public const string StartKey = "Clock:Start";

    public static TimeProvider Create(IConfiguration configuration) =>
        TryParseStart(configuration[StartKey], out var start) ? new StartedClock(start) : TimeProvider.System;

    /// <summary>The clock for codes from an authenticator app. The app on the officer's phone reads the real time, so
    /// a Development start time must not move the window the codes are checked in; a test's own clock still does.</summary>
    public static TimeProvider ForAuthenticatorCodes(TimeProvider clock) => clock is StartedClock ? TimeProvider.System : clock;

    public static IEnumerable<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[StartKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            yield break;
        }

        if (!environment.IsDevelopment())
        {
            yield return $"{StartKey} is set in {environment.EnvironmentName}. A start time for the clock is for Development and tests only: statutory clocks must run on real time.";
        }
        else if (!TryParseStart(value, out _))
        {
            yield return $"{StartKey} '{value}' is not an ISO 8601 instant with an offset, e.g. 2026-11-10T10:00:00Z.";
        }
    }

    private static bool TryParseStart(string? value, out DateTimeOffset start) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out start);
}
