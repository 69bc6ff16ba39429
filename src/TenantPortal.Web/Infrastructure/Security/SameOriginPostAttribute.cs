using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace TenantPortal.Web.Infrastructure.Security;

/// <summary>Cross-site request forgery protection without a token, for the POSTs that carry no data and that every page
/// offers (sign-out, and "stay signed in" before the idle sign-out): the layout then mints no antiforgery token (and
/// cookie) on every page, which cost about a sixth of a page's CPU. A request is accepted when the browser says it comes
/// from this site: <c>Sec-Fetch-Site: same-origin</c> (or <c>none</c>, typed by the user), or, from a browser that does not
/// send that header, an <c>Origin</c> equal to the request's own. A request with neither header does not come from a
/// browser (every browser in use sends one of them on a POST), so it cannot be a forgery that rides on a
/// victim's cookie. Any other request is still accepted with a valid antiforgery token; without one it gets
/// <see cref="RefusedAction"/> (the sign-out confirmation page, whose form carries a token) or a 403. The session cookie
/// is SameSite=Lax as well, so a cross-site POST never carries it anyway. See docs/security.md.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SameOriginPostAttribute : Attribute, IAsyncAuthorizationFilter, IAntiforgeryPolicy, IOrderedFilter
{
    /// <summary>The antiforgery filters' order (as <see cref="IgnoreAntiforgeryTokenAttribute"/>): among policies of one
    /// order the closest (this action's) wins over the global <see cref="AutoValidateAntiforgeryTokenAttribute"/>.</summary>
    public int Order => 1000;

    /// <summary>The action (on the same controller) a refused request is redirected to; null: 403.</summary>
    public string? RefusedAction { get; init; }

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        // The closest antiforgery policy wins: a controller or global [ValidateAntiForgeryToken] defers to this one.
        if (!context.IsEffectivePolicy<IAntiforgeryPolicy>(this) || !HttpMethods.IsPost(request.Method) || IsSameOrigin(request))
        {
            return;
        }

        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return;
        }

        context.Result = RefusedAction is null ? new StatusCodeResult(StatusCodes.Status403Forbidden) : new RedirectToActionResult(RefusedAction, null, null);
    }

    /// <summary>The browser's own word that the request comes from this site (Fetch Metadata first, then Origin); a
    /// request with neither header is not from a browser.</summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}
