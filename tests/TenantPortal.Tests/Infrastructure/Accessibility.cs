using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>axe-core on the page as it is now: zero violations of WCAG 2.0, 2.1 and 2.2 at levels A and AA. Each
/// distinct page and state (the address with its references and ids folded, its heading, whether an error summary
/// shows, the viewport width) is checked once per test run: the journeys visit the same pages many times, and axe is the slowest
/// step of a visit.</summary>
public static partial class Accessibility
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Checked = new();

    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var state = await page.EvaluateAsync<string>(
            "(document.querySelector('.error-summary') ? 'errors' : 'page') + '@' + window.innerWidth + ' ' + (document.querySelector('h1')?.textContent.trim() ?? '')");
        if (!Checked.TryAdd($"{PageKind(page.Url)} {state}", true))
        {
            return;
        }

        // Off xunit's synchronisation context (RunAxe could deadlock on it), and never waiting for ever.
        var results = await Task.Run(() => page.RunAxe(Options)).WaitAsync(TimeSpan.FromMinutes(3));
        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", violations));
    }

    /// <summary>The page's kind: its path with every segment that holds a digit (a reference, an id, a token) folded.</summary>
    public static string PageKind(string url) =>
        string.Join('/', new Uri(url).AbsolutePath.Split('/').Select(segment => DigitPattern().IsMatch(segment) ? "{id}" : segment.ToLowerInvariant()));

    [System.Text.RegularExpressions.GeneratedRegex("[0-9]")]
    private static partial System.Text.RegularExpressions.Regex DigitPattern();
}
