using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Repairs;

/// <summary>Issue 22, point 3: the server enforces the photo caps (per report or request, per repair in total, per
/// tenancy over a rolling day), whatever the pages offer, and a draft's photos go with it.</summary>
public sealed class PhotoLimitTests : IAsyncLifetime
{
    private RepairsApp app = null!;

    public async Task InitializeAsync() => app = await RepairsApp.StartAsync(new Dictionary<string, string?>
    {
        ["Repairs:MaxPhotosPerTenancyPerDay"] = "8",
    });

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    private Task<int> PhotosOnAsync(string reference) =>
        app.WithHousingAsync(db => db.RepairPhotos.CountAsync(p => db.Repairs.Any(r => r.Id == p.RepairId && r.Reference == reference)));

    [Fact]
    public async Task A_repair_holds_at_most_six_photos_however_many_requests_add_them()
    {
        var (reference, _, _) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Jpeg(), TestImages.Jpeg());
        var client = await app.SignedInAsync();

        var three = await PhotoTestData.AddInformationAsync(client, reference, 3);
        var twoMore = await PhotoTestData.AddInformationAsync(client, reference, 2);
        var oneMore = await PhotoTestData.AddInformationAsync(client, reference, 1);

        Assert.Equal(HttpStatusCode.Redirect, three.StatusCode);
        Assert.Equal("A repair can have up to 6 photos: you can add 1 more", (await twoMore.GetDocumentAsync()).FieldError("upload"));
        Assert.Equal(HttpStatusCode.Redirect, oneMore.StatusCode);
        var full = await PhotoTestData.AddInformationAsync(client, reference, 1);
        var page = await full.GetDocumentAsync();
        Assert.Equal("This repair already has 6 photos, the most it can have", page.FieldError("upload"));
        Assert.Equal(["This repair already has 6 photos, the most it can have"], page.ErrorSummary());
        Assert.Equal("More photos", page.QuerySelector("textarea[name=Information]")!.TextContent.Trim());
        Assert.Equal(6, await PhotosOnAsync(reference));
        var addPage = await client.GetDocumentAsync($"/repairs/{reference}/add-information");
        Assert.Null(addPage.QuerySelector("input[type=file]"));
        Assert.Contains("This repair has 6 photos, the most it can have", addPage.NormalisedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenancy_is_refused_photos_over_its_rolling_daily_quota_and_removed_photos_still_count()
    {
        var client = await ReportJourneyAtPhotos();
        var photo = ("tap.jpg", "image/jpeg", TestImages.Jpeg());
        await client.UploadPhotosAsync("upload", photo, photo, photo);
        for (var i = 0; i < 3; i++)
        {
            await client.SubmitFormAsync("/repairs/report/photos", new Dictionary<string, string>(), "form[action$='/photos/remove']");
        }

        Assert.Empty((await client.GetDocumentAsync("/repairs/report/photos")).QuerySelectorAll(".photo-list img"));

        var (reference, _, _) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Jpeg(), TestImages.Jpeg(), TestImages.Jpeg());
        var contentBefore = await app.WithPortalAsync(db => db.PhotoContents.CountAsync());

        var refused = await client.UploadPhotosAsync("upload", photo, photo, photo);
        var refusedOnRepair = await PhotoTestData.AddInformationAsync(await app.SignedInAsync(), reference, 3);

        const string message = "You can add up to 8 photos in 24 hours. Try again tomorrow, or describe the problem in words";
        Assert.Equal(message, (await refused.GetDocumentAsync()).FieldError("upload"));
        Assert.Equal(message, (await refusedOnRepair.GetDocumentAsync()).FieldError("upload"));
        Assert.Equal(contentBefore, await app.WithPortalAsync(db => db.PhotoContents.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await PhotoTestData.AddInformationAsync(await app.SignedInAsync(), reference, 2)).StatusCode);
    }

    [Fact]
    public async Task An_abandoned_drafts_photos_are_deleted_when_the_draft_expires_and_a_sent_reports_are_kept()
    {
        var client = await ReportJourneyAtPhotos();
        await client.UploadPhotosAsync("upload", ("tap.jpg", "image/jpeg", TestImages.Jpeg()), ("tap.png", "image/png", TestImages.Png()));
        var page = await client.GetDocumentAsync("/repairs/report/photos");
        var draftPhotoUrls = page.QuerySelectorAll(".photo-list a").Select(a => a.GetAttribute("href")!).ToList();
        var abandoned = await app.WithPortalAsync(db => db.Photos.Where(p => p.DraftId != null && p.RepairId == null).Select(p => p.Key).ToListAsync());
        var (_, _, sent) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Jpeg());

        var early = await PhotoTestData.RunRetentionAsync(app, PhotoTestData.Now(app).AddDays(6));
        var late = await PhotoTestData.RunRetentionAsync(app, PhotoTestData.Now(app).AddDays(8));

        Assert.Equal(2, abandoned.Count);
        Assert.Equal(0, early.AbandonedDraftPhotos);
        Assert.Equal(2, late.AbandonedDraftPhotos);
        Assert.Empty(await PhotoTestData.KeptAsync(app, abandoned));
        Assert.Equal(sent, await PhotoTestData.KeptAsync(app, sent));
        foreach (var url in draftPhotoUrls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
    }

    private async Task<HttpClient> ReportJourneyAtPhotos()
    {
        var client = await app.SignedInAsync();
        await client.SubmitFormAsync("/repairs/report", new Dictionary<string, string>());
        await client.ChooseAsync("/repairs/report/where", "Kitchen");
        await client.ChooseAsync("/repairs/report/what", "Tap");
        await client.ChooseAsync("/repairs/report/problem", "Dripping or leaking");
        await client.SubmitFormAsync("/repairs/report/describe", new Dictionary<string, string> { ["Description"] = "Photo limits" });
        return client;
    }
}
