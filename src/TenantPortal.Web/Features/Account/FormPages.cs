using Microsoft.AspNetCore.Routing.Template;

namespace TenantPortal.Web.Features.Account;

/// <summary>The page a posted form was on, worked out from where it was sent: the same address when that page answers
/// GET (every journey step, add information, feedback), else the nearest address above it that does (an officer's
/// "change the status" form posts to /admin/repairs/{reference}/status from the repair's page,
/// /admin/repairs/{reference}). Signing in again after a sign-out goes back there, never to a POST-only address.</summary>
public sealed class FormPages(EndpointDataSource endpoints)
{
    private readonly Lazy<List<TemplateMatcher>> pages = new(() => endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true
            && !e.RoutePattern.Parameters.Any(p => p.IsCatchAll))
        .Select(e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()))
        .ToList());

    /// <summary>The form's page for a form posted to <paramref name="path"/>, or null when no page above it answers
    /// GET.</summary>
    public string? PageFor(PathString path)
    {
        var candidate = path.Value?.TrimEnd('/') ?? "";
        while (candidate.Length > 0)
        {
            if (IsPage(candidate))
            {
                return candidate;
            }

            candidate = candidate[..candidate.LastIndexOf('/')];
        }

        return null;
    }

    private bool IsPage(string path) => pages.Value.Any(m => m.TryMatch(path, new RouteValueDictionary()));
}
