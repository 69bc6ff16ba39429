using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Security;

using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Repair photos and their thumbnails, served only through these actions: to the tenancy's own tenants and to
/// staff. Anyone else, and any photo of another tenancy, gets a 404. Bytes come from the photo store (never the web
/// root), inline, with the type they were re-encoded to and no sniffing.</summary>
[Authorize]
public sealed class RepairPhotosController(HousingDbContext db, RepairPhotoStore photos) : Controller
{
    [HttpGet("repairs/{reference}/photos/{id:int}")]
    public Task<IActionResult> Photo(Reference reference, int id, CancellationToken ct) => ServeAsync(reference, id, PhotoVariant.Full, ct);

    [HttpGet("repairs/{reference}/photos/{id:int}/thumbnail")]
    public Task<IActionResult> Thumbnail(Reference reference, int id, CancellationToken ct) => ServeAsync(reference, id, PhotoVariant.Thumbnail, ct);

    private async Task<IActionResult> ServeAsync(string reference, int id, PhotoVariant variant, CancellationToken ct)
    {
        var staff = User.IsInRole(PortalRoles.Officer) || User.IsInRole(PortalRoles.Administrator);
        int? tenancyId = User.IsTenant() ? User.TenancyId() : null;
        if (!staff && tenancyId is null)
        {
            return NotFound();
        }

        var photo = await db.RepairPhotos.AsNoTracking()
            .Where(p => p.Id == id)
            .Join(db.Repairs, p => p.RepairId, r => r.Id, (p, r) => new { p.StoredFileName, p.ContentType, r.Reference, r.TenancyId })
            .Where(x => x.Reference == reference && (staff || x.TenancyId == tenancyId))
            .SingleOrDefaultAsync(ct);
        if (photo is null)
        {
            return NotFound();
        }

        return PhotoResults.Inline(this, await photos.ReadAsync(photo.StoredFileName, variant, ct), photo.ContentType, variant);
    }
}
