using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Repairs;

/// <summary>Where photo bytes live (the portal database by default, a shared folder as the alternative) and how the
/// pages show them: thumbnails for the tenant and the officer, a mark in the officers' queue.</summary>
public sealed class PhotoStorageTests
{
    [Fact]
    public async Task By_default_photos_are_kept_in_the_portal_database_and_no_file_is_written()
    {
        using var app = await RepairsApp.StartAsync();
        var folder = app.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Web.Features.Repairs.RepairsOptions>>().Value.PhotoFolder;

        var (reference, _, keys) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Heic());

        Assert.Equal(2, await app.WithPortalAsync(db => db.PhotoContents.CountAsync(c => c.Key == keys[0])));
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
        await AssertServedAsync(app, reference);
    }

    [Fact]
    public async Task With_folder_storage_photos_are_files_in_the_shared_folder_and_nothing_in_the_database()
    {
        var folder = Directory.CreateTempSubdirectory("tp-shared-photos-").FullName;
        using var app = await RepairsApp.StartAsync(new Dictionary<string, string?> { ["Repairs:PhotoStorage"] = "Folder", ["Repairs:PhotoFolder"] = folder });

        var (reference, _, keys) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.WebP());

        Assert.Equal([keys[0], keys[0] + ".thumb.jpg"], Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(0, await app.WithPortalAsync(db => db.PhotoContents.CountAsync()));
        Assert.Equal(1, await app.WithPortalAsync(db => db.Photos.CountAsync(p => p.Key == keys[0] && p.RepairId != null)));
        await AssertServedAsync(app, reference);
    }

    [Fact]
    public async Task Officers_see_thumbnails_on_the_repair_page_and_the_queue_marks_repairs_with_photos()
    {
        using var app = await RepairsApp.StartAsync();
        var (reference, _, _) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Jpeg(), TestImages.Png());
        var officer = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);

        var show = await officer.GetDocumentAsync($"/admin/repairs/{reference}");
        var queue = await officer.GetDocumentAsync($"/admin/repairs?q={reference}");

        var thumbnails = show.QuerySelectorAll("#photos img").ToList();
        Assert.Equal(2, thumbnails.Count);
        Assert.All(thumbnails, img => Assert.EndsWith("/thumbnail", img.GetAttribute("src"), StringComparison.Ordinal));
        var thumbnail = await officer.GetAsync(new Uri(thumbnails[1].GetAttribute("src")!, UriKind.Relative));
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        var row = queue.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Equal("2 photos", row.QuerySelector(".photo-tag")!.TextContent.Trim());
    }

    /// <summary>The tenant's repair page shows each photo as a lazily loaded square thumbnail with its size, linking
    /// to the re-encoded photo; both are served.</summary>
    private static async Task AssertServedAsync(RepairsApp app, string reference)
    {
        var tenant = await app.SignedInAsync();
        var page = await tenant.GetDocumentAsync($"/repairs/{reference}");
        var img = Assert.Single(page.QuerySelectorAll(".photo-list img"));
        Assert.Equal(("lazy", "160", "160"), (img.GetAttribute("loading"), img.GetAttribute("width"), img.GetAttribute("height")));
        var thumbnail = await tenant.GetAsync(new Uri(img.GetAttribute("src")!, UriKind.Relative));
        var full = await tenant.GetAsync(new Uri(img.ParentElement!.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (thumbnail.StatusCode, thumbnail.Content.Headers.ContentType!.MediaType));
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (full.StatusCode, full.Content.Headers.ContentType!.MediaType));
        PhotoProcessorTests.AssertNoMetadata(await full.Content.ReadAsByteArrayAsync());
    }
}
