using System.Text.RegularExpressions;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Foundation;

/// <summary>Links and form actions are generated from the routes (Url.Action, tag helpers, RedirectToAction), never
/// written as strings: a route that changes moves every link with it, and references keep the case they are stored in.</summary>
public sealed partial class TypedLinksTests
{
    [Fact]
    public void No_view_writes_a_page_address_as_a_string()
    {
        var features = Path.Combine(RepositoryPaths.WebProject, "Features");

        var found = Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => StringAddress().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(features, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.Empty(found);
    }

    [Fact]
    public void No_controller_redirects_to_an_address_written_as_a_string()
    {
        var features = Path.Combine(RepositoryPaths.WebProject, "Features");

        var found = Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => StringRedirect().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(features, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.Empty(found);
    }

    // href="/..." or href="~/..." (and action=) for a page; static files (css, img, js) are files, not routes.
    [GeneratedRegex("""(href|action)="~?/(?!css/|img/|js/|/)""")]
    private static partial Regex StringAddress();

    [GeneratedRegex("""Redirect\(\s*\$?"/""")]
    private static partial Regex StringRedirect();
}
