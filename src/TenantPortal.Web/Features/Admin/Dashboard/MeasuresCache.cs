using System.Collections.Concurrent;

namespace TenantPortal.Web.Features.Admin.Dashboard;

/// <summary>The dashboard's measures (two reporting years and a month: every repair completed, every answer and
/// complaint stage in about two years) counted at most once every <see cref="Lifetime"/> for each set of periods, in
/// this instance's memory. Counting them takes tens of milliseconds on a large landlord's data and more on the largest,
/// on the page officers open first; a figure for a year moves slowly, and the page says when it was counted. The open
/// repairs, overdue, hazard and payment figures beside them are always live, and the CSV return is always counted
/// afresh. Each instance behind a load balancer keeps its own copy: nothing another instance needs.</summary>
public sealed class MeasuresCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>The months officers look at are few; past this many sets the oldest are simply dropped.</summary>
    private const int MaxEntries = 64;

    private readonly ConcurrentDictionary<string, CountedMeasures> entries = new(StringComparer.Ordinal);

    /// <summary>The measures for <paramref name="periods"/>, counted by <paramref name="count"/> when there is no copy
    /// younger than <see cref="Lifetime"/> (or the clock has gone back past the copy's time).</summary>
    public async Task<CountedMeasures> GetAsync(
        IReadOnlyList<(string Label, DateOnly From, DateOnly To)> periods,
        Func<Task<IReadOnlyList<PeriodMeasures>>> count)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(count);
        var key = string.Join('|', periods.Select(p => $"{p.Label};{p.From:yyyy-MM-dd};{p.To:yyyy-MM-dd}"));
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var kept) && now >= kept.CountedAt && now - kept.CountedAt < Lifetime)
        {
            return kept;
        }

        var counted = new CountedMeasures(await count(), now);
        if (entries.Count >= MaxEntries)
        {
            foreach (var oldest in entries.OrderBy(e => e.Value.CountedAt).Take(entries.Count - MaxEntries + 1))
            {
                entries.TryRemove(oldest.Key, out _);
            }
        }

        entries[key] = counted;
        return counted;
    }
}

/// <summary>Measures and the moment they were counted.</summary>
public sealed record CountedMeasures(IReadOnlyList<PeriodMeasures> Periods, DateTimeOffset CountedAt);
