using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Repairs;

/// <summary>Repair photos, served only through this action: to the tenancy's own tenants and to staff. Anyone else,
/// and any photo of another tenancy, gets a 404. Files come from outside the web root, inline, with the content type
/// checked at upload and no sniffing.</summary>
[Authorize]
public sealed class RepairPhotosController(HousingDbContext db, RepairPhotoStore photos) : Controller
{
    [HttpGet("repairs/{reference}/photos/{id:int}")]
    public async Task<IActionResult> Photo(string reference, int id, CancellationToken ct)
    {
        reference = reference.ToUpperInvariant();
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
        var path = photo is null ? null : photos.PathOf(photo.StoredFileName);
        return path is null ? NotFound() : PhotoResults.Inline(this, path, photo!.ContentType);
    }
}
