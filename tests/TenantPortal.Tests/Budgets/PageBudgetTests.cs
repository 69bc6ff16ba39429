using System.IO.Compression;
using System.Net;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Budgets;

/// <summary>Every page stays small for a cheap phone on a slow network (HTML + CSS + JS under 30 KB compressed) and
/// asks the database only a handful of times (an N+1 would blow the budget).</summary>
public sealed class PageBudgetTests : IClassFixture<PageBudgetTests.BudgetApp>
{
    private const int CompressedBudgetBytes = 30 * 1024;
    private const int QueryBudget = 8;
    private readonly BudgetApp app;

    public PageBudgetTests(BudgetApp app) => this.app = app;

    public static TheoryData<string> TenantPages => ["/", "/repairs", "/repairs/report", "/contact-details", "/rent", "/rent/statement", "/rent/pay"];

    public static TheoryData<string> StaffPages => ["/admin", "/admin/repairs", "/admin/tenancies?q=Morgan", "/admin/tenancies/DEMO-0001"];

    [Theory]
    [MemberData(nameof(TenantPages))]
    public async Task Tenant_page_is_under_30KB_compressed_with_its_assets(string path)
    {
        var client = await app.TenantAsync();

        var (status, total) = await CompressedPageWeightAsync(client, path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(total < CompressedBudgetBytes, $"{path} weighs {total} bytes compressed");
    }

    [Theory]
    [MemberData(nameof(TenantPages))]
    public async Task Tenant_page_stays_within_the_query_budget(string path)
    {
        var client = await app.TenantAsync();

        var queries = await QueryCountAsync(client, path);

        Assert.InRange(queries, 0, QueryBudget);
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task Staff_page_stays_within_the_query_budget(string path)
    {
        var client = await app.OfficerAsync();

        var queries = await QueryCountAsync(client, path);

        Assert.InRange(queries, 1, 16);
    }

    private static async Task<int> QueryCountAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return int.Parse(response.Headers.GetValues("X-Query-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(HttpStatusCode Status, long Total)> CompressedPageWeightAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsByteArrayAsync();
        var document = await client.GetDocumentAsync(path);
        var assets = document.QuerySelectorAll("link[rel=stylesheet][href^='/'], script[src^='/']")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Distinct();
        long total = Gzip(html);
        foreach (var asset in assets)
        {
            total += Gzip(await client.GetByteArrayAsync(new Uri(asset, UriKind.Relative)));
        }

        return (response.StatusCode, total);
    }

    internal static long Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.Length;
    }

    public sealed class BudgetApp : IDisposable
    {
        private HttpClient? tenant;
        private HttpClient? officer;

        public PortalAppFactory Factory { get; } = new(settings: new Dictionary<string, string?> { ["Diagnostics:QueryCountHeader"] = "true" });

        public async Task<HttpClient> TenantAsync()
        {
            if (tenant is null)
            {
                tenant = Factory.CreateBrowserClient();
                await SignIn.AsTenantAsync(tenant);
            }

            return tenant;
        }

        public async Task<HttpClient> OfficerAsync()
        {
            if (officer is null)
            {
                officer = Factory.CreateBrowserClient();
                await SignIn.AsOfficerAsync(officer);
            }

            return officer;
        }

        public void Dispose() => Factory.Dispose();
    }
}
