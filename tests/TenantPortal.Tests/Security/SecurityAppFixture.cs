using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Tests.Security;

/// <summary>One seeded app per test class (the repairs app: demo tenant linked to DEMO-0001, Grace Okafor's account
/// on DEMO-0002, photos in a folder of its own) plus records that belong to ANOTHER tenancy, read from and added to
/// the database: an open repair with a photo and two payment attempts (one unpaid, one paid).</summary>
public sealed class SecurityAppFixture : IAsyncLifetime
{
    public RepairsApp App { get; private set; } = null!;

    public OtherTenancy Other { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await RepairsApp.StartAsync();
        Other = await OtherTenancy.CreateAsync(App);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Ids and references of a tenancy the demo tenant must never reach.</summary>
public sealed record OtherTenancy(int TenancyId, string TenancyReference, int TenantId, string RepairReference, int PhotoId, string PhotoFileName, Guid OpenAttempt, Guid PaidAttempt)
{
    /// <summary>Fills {repair}, {photo}, {photoFile}, {attempt}, {paidAttempt}, {tenancyId}, {tenancy}, {tenantId}.</summary>
    public string Fill(string template) => template
        .Replace("{repair}", RepairReference, StringComparison.Ordinal)
        .Replace("{photoFile}", PhotoFileName, StringComparison.Ordinal)
        .Replace("{photo}", PhotoId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{paidAttempt}", PaidAttempt.ToString(), StringComparison.Ordinal)
        .Replace("{attempt}", OpenAttempt.ToString(), StringComparison.Ordinal)
        .Replace("{tenancyId}", TenancyId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{tenantId}", TenantId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{tenancy}", TenancyReference, StringComparison.Ordinal);

    public static async Task<OtherTenancy> CreateAsync(RepairsApp app)
    {
        using var scope = app.Factory.Services.CreateScope();
        var housing = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
        var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<RepairPhotoStore>();

        // An open repair of any tenancy but the demo tenant's, preferring DEMO-0002 (Grace Okafor).
        var repair = await housing.Repairs.AsNoTracking()
            .Where(r => r.Tenancy!.Reference != DemoData.TenancyReference && r.Status != RepairStatus.Completed && r.Status != RepairStatus.Cancelled)
            .OrderBy(r => r.Tenancy!.Reference == DemoData.SecondTenancyReference ? 0 : 1).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Reference, r.TenancyId, TenancyReference = r.Tenancy!.Reference, TenantId = r.Tenancy.Tenants.Select(t => t.Id).First() })
            .FirstAsync();

        var (photo, error) = await store.SaveAsync(TestImages.Jpeg(), new PhotoOwner(repair.TenancyId!.Value, null, app.Factory.UtcNow.AddDays(1)), CancellationToken.None);
        Assert.Null(error);
        var row = new RepairPhoto { RepairId = repair.Id, StoredFileName = photo!.StoredFileName, ContentType = photo.ContentType, SizeBytes = photo.SizeBytes, UploadedAt = app.Factory.UtcNow, UploadedBy = "Another tenant" };
        housing.RepairPhotos.Add(row);
        await housing.SaveChangesAsync();
        await store.AttachAsync([row.StoredFileName], repair.Id, CancellationToken.None);

        PaymentAttempt Attempt(PaymentStatus status) => new()
        {
            Id = Guid.NewGuid(),
            TenancyId = repair.TenancyId!.Value,
            TenancyReference = repair.TenancyReference,
            TenantId = repair.TenantId,
            Amount = 12.34m,
            Status = status,
            Provider = PaymentProvider.TestGateway,
            CreatedAt = app.Factory.UtcNow,
            CompletedAt = status == PaymentStatus.Succeeded ? app.Factory.UtcNow : null,
        };
        var open = Attempt(PaymentStatus.Created);
        var paid = Attempt(PaymentStatus.Succeeded);
        portal.PaymentAttempts.AddRange(open, paid);
        await portal.SaveChangesAsync();

        return new OtherTenancy(repair.TenancyId!.Value, repair.TenancyReference, repair.TenantId, repair.Reference, row.Id, photo.StoredFileName, open.Id, paid.Id);
    }
}

/// <summary>What every injection test asserts about a page that shows a hostile value back.</summary>
public static class Injection
{
    public const string Payload = "<script>alert(1)</script>' OR 1=1 --";

    /// <summary>The value appears as text and no element was injected: no inline script at all (every script element
    /// has a src on our own origin), and no element whose markup came from the value.</summary>
    public static void AssertShownEncoded(IDocument page, string? within = null)
    {
        var scope = within is null ? page.Body! : page.QuerySelector(within) ?? throw new Xunit.Sdk.XunitException($"No {within} on {page.Url}");
        Assert.Contains(Payload, scope.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("script"), s =>
        {
            Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"Inline script on {page.Url}: {s.OuterHtml}");
            Assert.DoesNotContain("alert", s.OuterHtml, StringComparison.Ordinal);
        });
    }
}
