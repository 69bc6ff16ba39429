using System.Text.RegularExpressions;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Tests.Admin;

/// <summary>No page shows an enum member's name ("UniversalCredit", "InProgress"): every admin and tenant page of
/// the seeded app is walked by following its links, and its text searched for the app's multi-word member names.</summary>
public sealed partial class PlainWordsTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    /// <summary>Pages of one shape (one repair, one tenancy) look alike: a few of each are enough.</summary>
    private const int PagesPerShape = 3;
    private const int MaxPages = 250;

    /// <summary>Every member of the app's enums named by more than one word (PascalCase), e.g. UniversalCredit.</summary>
    public static readonly IReadOnlySet<string> MemberNames = typeof(PlainWords).Assembly.GetTypes()
        .Where(t => t.IsEnum)
        .SelectMany(Enum.GetNames)
        .Where(n => MultiWord().IsMatch(n))
        .ToHashSet(StringComparer.Ordinal);

    [Theory]
    [InlineData("UniversalCredit", "Universal Credit")]
    [InlineData("HousingBenefit", "Housing Benefit")]
    [InlineData("InProgress", "In progress")]
    [InlineData("LeadTenant", "Lead tenant")]
    [InlineData("DampAndMould", "Damp and mould")]
    [InlineData("Active", "Active")]
    [InlineData("AM", "AM")]
    public void Enum_members_read_as_plain_words(string name, string words)
    {
        Assert.Equal(words, PlainWords.Of(name));
    }

    [Fact]
    public void The_app_has_multi_word_enum_members_to_look_for()
    {
        Assert.Contains("UniversalCredit", MemberNames);
        Assert.Contains("InProgress", MemberNames);
        Assert.DoesNotContain("Active", MemberNames);
    }

    [Fact]
    public async Task No_admin_page_shows_an_enum_members_name()
    {
        var admin = app.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(admin);

        var leaks = await WalkAsync(admin, ["/admin", $"/admin/tenancies/{Web.Data.Seeding.DemoData.SecondTenancyReference}", "/admin/tenancies?q=a", $"/admin/tenancies/{Web.Data.Seeding.DemoData.TenancyReference}", "/admin/repairs?status=all", "/admin/audit"]);

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public async Task No_tenant_page_shows_an_enum_members_name()
    {
        var tenant = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(tenant);

        var leaks = await WalkAsync(tenant, ["/", "/repairs", "/rent", "/rent/statement", "/contact-details"]);

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    private static async Task<List<string>> WalkAsync(HttpClient client, string[] start)
    {
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var shapes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var leaks = new List<string>();
        var visited = 0;
        while (queue.TryDequeue(out var url) && visited < MaxPages)
        {
            if (!seen.Add(url))
            {
                continue;
            }

            var shape = Shape().Replace(url.Split('?')[0], "/{id}");
            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            if (shapes[shape] > PagesPerShape)
            {
                continue;
            }

            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            visited++;
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var script in page.QuerySelectorAll("script, style").ToList())
            {
                script.Remove();
            }

            var text = page.Body!.TextContent;
            leaks.AddRange(Words().Matches(text).Select(m => m.Value).Where(MemberNames.Contains).Distinct().Select(name => $"{url}: {name}"));
            foreach (var link in page.QuerySelectorAll("a[href]"))
            {
                var href = link.GetAttribute("href")!;
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.Contains(".csv", StringComparison.Ordinal)
                    && !href.Contains("/photos/", StringComparison.Ordinal) && !href.Contains("download", StringComparison.OrdinalIgnoreCase))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }

        Assert.True(visited > start.Length, $"The walk reached only {visited} pages");
        return leaks;
    }

    [GeneratedRegex("^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$")]
    private static partial Regex MultiWord();

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Words();

    /// <summary>Path segments holding a number or a reference become one placeholder.</summary>
    [GeneratedRegex("/[^/]*[0-9][^/]*")]
    private static partial Regex Shape();
}
