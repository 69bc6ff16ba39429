using Microsoft.AspNetCore.Mvc;

namespace TenantPortal.Web.Features.Repairs;

public static class PhotoResults
{
    /// <summary>Serves a stored photo inline, with its checked content type and no sniffing.</summary>
    public static IActionResult Inline(ControllerBase controller, string path, string contentType)
    {
        var headers = controller.Response.Headers;
        headers.ContentDisposition = "inline";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        return controller.PhysicalFile(path, contentType);
    }
}
