using Microsoft.AspNetCore.Mvc;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Features.Repairs;

public static class PhotoResults
{
    /// <summary>Serves a stored photo (or its JPEG thumbnail) inline, with the content type it was re-encoded to and no
    /// sniffing, or a 404 when there is none.</summary>
    public static IActionResult Inline(ControllerBase controller, byte[]? bytes, string contentType, PhotoVariant variant)
    {
        if (bytes is null)
        {
            return controller.NotFound();
        }

        var headers = controller.Response.Headers;
        headers.ContentDisposition = "inline";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        return controller.File(bytes, variant == PhotoVariant.Thumbnail ? "image/jpeg" : contentType);
    }
}
