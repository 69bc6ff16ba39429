using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Tests.Repairs;

/// <summary>Photos are kept only as long as needed: those of repairs closed more than 24 months ago go, by a pass that
/// is safe when several instances run it, and the pages say so.</summary>
public sealed class PhotoRetentionTests : IAsyncLifetime
{
    private RepairsApp app = null!;

    public async Task InitializeAsync() => app = await RepairsApp.StartAsync();

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    private Task<int> CloseAsync(int repairId, RepairStatus status, DateTime at) => app.WithHousingAsync(db => db.Repairs.Where(r => r.Id == repairId)
        .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status)
            .SetProperty(r => r.CompletedAt, status == RepairStatus.Completed ? at : null)
            .SetProperty(r => r.CancelledAt, status == RepairStatus.Cancelled ? at : null)));

    [Fact]
    public async Task Photos_of_repairs_closed_more_than_24_months_ago_are_deleted_and_the_rest_kept()
    {
        var now = PhotoTestData.Now(app).UtcDateTime;
        var (_, oldCompleted, oldCompletedKeys) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Jpeg(), TestImages.Jpeg());
        var (_, oldCancelled, oldCancelledKeys) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Jpeg());
        var (_, recent, recentKeys) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Jpeg());
        var (_, _, openKeys) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Jpeg());
        await CloseAsync(oldCompleted, RepairStatus.Completed, now.AddMonths(-25));
        await CloseAsync(oldCancelled, RepairStatus.Cancelled, now.AddMonths(-24).AddDays(-1));
        await CloseAsync(recent, RepairStatus.Completed, now.AddMonths(-23));

        var result = await PhotoTestData.RunRetentionAsync(app, now);

        Assert.Equal(3, result.ClosedRepairPhotos);
        Assert.Empty(await PhotoTestData.KeptAsync(app, [.. oldCompletedKeys, .. oldCancelledKeys]));
        Assert.Equal([.. recentKeys, .. openKeys], await PhotoTestData.KeptAsync(app, [.. recentKeys, .. openKeys]));
        Assert.Equal(0, (await PhotoTestData.RunRetentionAsync(app, now)).ClosedRepairPhotos);
    }

    [Fact]
    public async Task The_retention_period_is_a_setting()
    {
        using var shortApp = await RepairsApp.StartAsync(new Dictionary<string, string?> { ["Repairs:KeepClosedRepairPhotosMonths"] = "6" });
        var (_, repairId, keys) = await PhotoTestData.ReportWithPhotosAsync(shortApp, TestImages.Jpeg());
        await shortApp.WithHousingAsync(db => db.Repairs.Where(r => r.Id == repairId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RepairStatus.Completed).SetProperty(r => r.CompletedAt, PhotoTestData.Now(shortApp).UtcDateTime.AddMonths(-7))));

        var result = await PhotoTestData.RunRetentionAsync(shortApp, PhotoTestData.Now(shortApp));

        Assert.Equal(1, result.ClosedRepairPhotos);
        Assert.Empty(await PhotoTestData.KeptAsync(shortApp, keys));
        var privacy = (await shortApp.Factory.CreateBrowserClient().GetDocumentAsync("/privacy")).NormalisedText();
        Assert.Contains("we keep its photos for 6 months", privacy, StringComparison.Ordinal);
        Assert.Contains("we delete its photos after 7 days", privacy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_another_instance_has_claimed_is_left_to_it_until_its_lease_runs_out()
    {
        var now = PhotoTestData.Now(app).UtcDateTime;
        var (_, repairId, keys) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Jpeg());
        await CloseAsync(repairId, RepairStatus.Completed, now.AddMonths(-30));
        await app.WithPortalAsync(db => db.Photos.Where(p => p.Key == keys[0]).ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseUntil, now.AddMinutes(5))));

        var whileClaimed = await PhotoTestData.RunRetentionAsync(app, now);
        var afterLease = await PhotoTestData.RunRetentionAsync(app, now.AddMinutes(6));

        Assert.Equal(0, whileClaimed.ClosedRepairPhotos);
        Assert.Equal(1, afterLease.ClosedRepairPhotos);
        Assert.Empty(await PhotoTestData.KeptAsync(app, keys));
    }

    [Fact]
    public async Task Two_instances_passing_at_the_same_time_delete_each_photo_once()
    {
        var now = PhotoTestData.Now(app).UtcDateTime;
        var (_, repairId, keys) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Jpeg(), TestImages.Jpeg(), TestImages.Jpeg());
        await CloseAsync(repairId, RepairStatus.Completed, now.AddMonths(-30));

        var results = await Task.WhenAll(PhotoTestData.RunRetentionAsync(app, now), PhotoTestData.RunRetentionAsync(app, now));

        Assert.Equal(3, results.Sum(r => r.ClosedRepairPhotos));
        Assert.Empty(await PhotoTestData.KeptAsync(app, keys));
    }

    [Fact]
    public async Task A_photo_on_a_repair_whose_attachment_the_portal_missed_is_attached_not_deleted()
    {
        var (_, repairId, keys) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Jpeg());
        await app.WithPortalAsync(db => db.Photos.Where(p => p.Key == keys[0])
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RepairId, (int?)null).SetProperty(p => p.ExpiresAt, PhotoTestData.Now(app).UtcDateTime)));

        var result = await PhotoTestData.RunRetentionAsync(app, PhotoTestData.Now(app).AddDays(8));

        Assert.Equal((0, 1), (result.AbandonedDraftPhotos, result.Attached));
        Assert.Equal(keys, await PhotoTestData.KeptAsync(app, keys));
        Assert.Equal(repairId, await app.WithPortalAsync(db => db.Photos.Where(p => p.Key == keys[0]).Select(p => p.RepairId).SingleAsync()));
    }

    [Fact]
    public async Task After_retention_the_tenant_and_officer_pages_say_the_photos_were_deleted_and_the_photo_is_gone()
    {
        var (reference, repairId, _) = await PhotoTestData.ReportWithPhotosAsync(app, TestImages.Jpeg());
        await CloseAsync(repairId, RepairStatus.Completed, PhotoTestData.Now(app).UtcDateTime.AddMonths(-25));
        var photoId = await app.WithHousingAsync(db => db.RepairPhotos.Where(p => p.RepairId == repairId).Select(p => p.Id).SingleAsync());
        await PhotoTestData.RunRetentionAsync(app, PhotoTestData.Now(app));
        var tenant = await app.SignedInAsync();
        var officer = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);

        var tenantPage = await tenant.GetDocumentAsync($"/repairs/{reference}");
        var officerPage = await officer.GetDocumentAsync($"/admin/repairs/{reference}");

        Assert.Empty(tenantPage.QuerySelectorAll(".photo-list img"));
        Assert.Contains("1 photo has been deleted", tenantPage.NormalisedText(), StringComparison.Ordinal);
        Assert.Empty(officerPage.QuerySelectorAll("#photos img"));
        Assert.Contains("Photo 1 deleted (retention period)", officerPage.NormalisedText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.GetAsync(new Uri($"/repairs/{reference}/photos/{photoId}", UriKind.Relative))).StatusCode);
    }
}
