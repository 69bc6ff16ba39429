using System.Net;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using Xunit.Abstractions;

namespace TenantPortal.Tests.Budgets;

/// <summary>A repair page with three phone photos stays under 150 KB on a phone: the page shows small square
/// thumbnails (lazily loaded, with their size given), never the photos themselves.</summary>
public sealed class PhotoPageBudgetTests(ITestOutputHelper output)
{
    private const int BudgetBytes = 150 * 1024;

    [Fact]
    public async Task A_repair_page_with_three_phone_photos_weighs_under_150KB_with_its_thumbnails()
    {
        using var app = await RepairsApp.StartAsync(new Dictionary<string, string?> { ["Diagnostics:QueryCountHeader"] = "true" });
        var photo = TestImages.PhonePhoto();
        Assert.True(photo.Length > 1024 * 1024, $"the phone photo is {photo.Length} bytes");
        var (reference, _, _) = await PhotoTestData.ReportWithPhotosAsync(app, photo, photo, photo);
        var client = await app.SignedInAsync();

        var response = await client.GetAsync(new Uri($"/repairs/{reference}", UriKind.Relative));
        var html = await response.Content.ReadAsByteArrayAsync();
        var page = await client.GetDocumentAsync($"/repairs/{reference}");
        long total = PageBudgetTests.Gzip(html);
        foreach (var asset in page.QuerySelectorAll("link[rel=stylesheet][href^='/'], script[src^='/']").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).Distinct())
        {
            total += PageBudgetTests.Gzip(await client.GetByteArrayAsync(new Uri(asset, UriKind.Relative)));
        }

        var images = page.QuerySelectorAll("img[src^='/']").ToList();
        foreach (var img in images)
        {
            total += (await client.GetByteArrayAsync(new Uri(img.GetAttribute("src")!, UriKind.Relative))).Length;
        }

        output.WriteLine($"photo {photo.Length} bytes; page with assets and {images.Count} images {total} bytes");
        var thumbnails = page.QuerySelectorAll(".photo-list img").ToList();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, thumbnails.Count);
        Assert.All(thumbnails, img =>
        {
            Assert.Equal("lazy", img.GetAttribute("loading"));
            Assert.Equal(("160", "160"), (img.GetAttribute("width"), img.GetAttribute("height")));
            Assert.EndsWith("/thumbnail", img.GetAttribute("src"), StringComparison.Ordinal);
        });
        Assert.True(total < BudgetBytes, $"the repair page weighs {total} bytes with its assets and thumbnails");
        Assert.InRange(int.Parse(response.Headers.GetValues("X-Query-Count").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 8);
    }
}
