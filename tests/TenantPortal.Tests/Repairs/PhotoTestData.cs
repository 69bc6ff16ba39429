using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Repairs;

/// <summary>Repairs with photos, made through the real reporting service, and the retention pass at a chosen time.
/// Times are the app's own clock (<see cref="Now"/>), never the wall clock.</summary>
public static class PhotoTestData
{
    /// <summary>What the app's clock reads now.</summary>
    public static DateTimeOffset Now(RepairsApp app) => app.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>A kitchen-tap repair for DEMO-0001 reported with <paramref name="photos"/> (each a JPEG from the store).</summary>
    public static async Task<(string Reference, int RepairId, IReadOnlyList<string> Keys)> ReportWithPhotosAsync(RepairsApp app, params byte[][] photos)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<HousingDbContext>();
        var tenancy = await db.Tenancies.Where(t => t.Reference == DemoData.TenancyReference)
            .Select(t => new { t.Id, TenantId = t.Tenants.Where(x => x.Email == DemoData.LeadTenantEmail).Select(x => x.Id).First() }).SingleAsync();
        var itemId = await db.RepairCatalogue.Where(i => i.JobCode == RepairCatalogueSeed.KitchenTapDrippingJobCode).Select(i => i.Id).SingleAsync();
        var draft = new RepairDraft { TenancyId = tenancy.Id, ReportedByTenantId = tenancy.TenantId, Area = "Kitchen", CatalogueItemId = itemId, Description = "Photo test", WhoWillBeHome = "Me", CreatedAt = Now(app).UtcDateTime };
        var store = sp.GetRequiredService<RepairPhotoStore>();
        foreach (var bytes in photos)
        {
            var (photo, error) = await store.SaveAsync(bytes, new PhotoOwner(tenancy.Id, draft.Id, draft.CreatedAt + RepairDraftStore.MaxAge), CancellationToken.None);
            Assert.Null(error);
            draft.Photos.Add(photo!);
        }

        var result = await sp.GetRequiredService<RepairReporting>().SubmitAsync(draft, RepairChannel.Portal, new RepairActor("Alex Morgan", tenancy.TenantId));
        Assert.Equal(SubmitStatus.Created, result.Status);
        var repairId = await db.Repairs.Where(r => r.Reference == result.Reference).Select(r => r.Id).SingleAsync();
        return (result.Reference!, repairId, draft.Photos.Select(p => p.StoredFileName).ToList());
    }

    /// <summary>Runs one retention pass as if the clock read <paramref name="at"/> (a <see cref="FakeTimeProvider"/>).</summary>
    public static async Task<RetentionResult> RunRetentionAsync(RepairsApp app, DateTimeOffset at)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var clock = new FakeTimeProvider(at);
        var options = sp.GetRequiredService<IOptions<RepairsOptions>>();
        var portal = sp.GetRequiredService<PortalDbContext>();
        var store = new RepairPhotoStore(portal, sp.GetRequiredService<IPhotoContentStore>(), options, clock);
        return await new PhotoRetention(portal, sp.GetRequiredService<HousingDbContext>(), store, options, clock).RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Keys whose bytes are still kept.</summary>
    /// <summary>Those of <paramref name="keys"/> whose photo is still stored, in the order given.</summary>
    public static async Task<List<string>> KeptAsync(RepairsApp app, IEnumerable<string> keys)
    {
        var list = keys.ToList();
        var kept = (await app.WithPortalAsync(db => db.PhotoContents.Where(c => list.Contains(c.Key) && c.Variant == PhotoVariant.Full).Select(c => c.Key).ToListAsync())).ToHashSet();
        return list.Where(kept.Contains).ToList();
    }

    public static async Task<HttpResponseMessage> AddInformationAsync(HttpClient client, string reference, int photos)
    {
        var token = await client.AntiforgeryTokenAsync($"/repairs/{reference}/add-information");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("More photos"), "Information" } };
        for (var i = 0; i < photos; i++)
        {
            var file = new ByteArrayContent(TestImages.Jpeg());
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "upload", $"photo-{i}.jpg");
        }

        return await client.PostAsync(new Uri($"/repairs/{reference}/add-information", UriKind.Relative), content);
    }
}
