using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>axe-core on the page as it is now: zero violations of WCAG 2.0, 2.1 and 2.2 at levels A and AA.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // Off xunit's synchronisation context (RunAxe could deadlock on it), and never waiting for ever.
        var results = await Task.Run(() => page.RunAxe(Options)).WaitAsync(TimeSpan.FromMinutes(3));
        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", violations));
    }
}
