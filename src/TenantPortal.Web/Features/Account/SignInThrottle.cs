using System.Collections.Concurrent;

namespace TenantPortal.Web.Features.Account;

/// <summary>Slows password guessing without letting anyone lock an account (ASVS 2.2.1). Wrong passwords are counted
/// per email address typed (known or not, so the throttle says nothing about which addresses have accounts) over a
/// 15-minute window: 5 from one client address refuse that client for that address until the window ends; 50 from all
/// clients together refuse every client for that address (a guessing attack spread over many addresses). Nothing is
/// written to the account itself, so the owner signing in from their own connection is not stopped by a stranger's
/// attempts. Counts live in this instance's memory, like the per-IP rate limits.</summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int PerClientLimit = 5;
    public const int PerAddressLimit = 50;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Above this many tracked keys, windows that have ended are swept out, so made-up addresses cannot grow
    /// the table for ever.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Counter> counters = new(StringComparer.Ordinal);

    public bool IsThrottled(string email, string? client)
    {
        var now = clock.GetUtcNow();
        return Count(AddressKey(email), now) >= PerAddressLimit || Count(ClientKey(email, client), now) >= PerClientLimit;
    }

    public void RecordFailure(string email, string? client)
    {
        var now = clock.GetUtcNow();
        if (counters.Count > SweepAbove)
        {
            foreach (var (key, counter) in counters)
            {
                if (counter.HasEnded(now))
                {
                    counters.TryRemove(key, out _);
                }
            }
        }

        counters.GetOrAdd(AddressKey(email), _ => new Counter()).Add(now);
        counters.GetOrAdd(ClientKey(email, client), _ => new Counter()).Add(now);
    }

    /// <summary>The right password from this client: its own count starts again.</summary>
    public void Succeeded(string email, string? client) => counters.TryRemove(ClientKey(email, client), out _);

    /// <summary>The owner proved they hold the address (password reset link): every count for it starts again.</summary>
    public void Forget(string email)
    {
        var address = AddressKey(email);
        foreach (var key in counters.Keys.Where(k => k == address || k.StartsWith(address + "|", StringComparison.Ordinal)))
        {
            counters.TryRemove(key, out _);
        }
    }

    private int Count(string key, DateTimeOffset now) => counters.TryGetValue(key, out var counter) ? counter.Current(now) : 0;

    private static string AddressKey(string email) => email.Trim().ToUpperInvariant();

    private static string ClientKey(string email, string? client) => $"{AddressKey(email)}|{client ?? "unknown"}";

    private sealed class Counter
    {
        private DateTimeOffset start;
        private int count;

        public void Add(DateTimeOffset now)
        {
            lock (this)
            {
                if (now - start >= Window)
                {
                    start = now;
                    count = 0;
                }

                count++;
            }
        }

        public int Current(DateTimeOffset now)
        {
            lock (this)
            {
                return now - start >= Window ? 0 : count;
            }
        }

        public bool HasEnded(DateTimeOffset now) => Current(now) == 0;
    }
}
