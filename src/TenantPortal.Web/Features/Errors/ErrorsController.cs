using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.Errors;

/// <summary>Honest error pages with the landlord's phone number; never a stack trace outside Development.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
// Error pages are re-executed with the failed request's method: a refused POST (429, 404...) must show its own page,
// not fail antiforgery a second time. They read nothing from the form.
[IgnoreAntiforgeryToken]
public sealed class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    [Route("/error")]
    public IActionResult Error()
    {
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (feature is not null)
        {
            logger.LogError(feature.Error, "Unhandled error on {Path}", feature.Path);
        }

        var serviceDown = feature?.Error is { } error && DatabaseFailure.Is(error);
        Response.StatusCode = serviceDown ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        return View("Error", new ErrorViewModel(HttpContext.TraceIdentifier, serviceDown));
    }

    /// <summary>The status comes from the route only, never from a posted form or the query string (a re-executed POST
    /// still carries its form: a field named "code" must not choose the status line), and only error statuses.</summary>
    [Route("/error/{code:int}")]
    public IActionResult Status([FromRoute] int code)
    {
        if (code is < 400 or > 599)
        {
            code = StatusCodes.Status404NotFound;
        }

        Response.StatusCode = code;
        return code switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status403Forbidden => View("Forbidden"),
            StatusCodes.Status429TooManyRequests => View("TooManyRequests"),
            StatusCodes.Status400BadRequest => View("BadRequest"),
            _ => View("Error", new ErrorViewModel(HttpContext.TraceIdentifier, ServiceDown: false)),
        };
    }

}

public sealed record ErrorViewModel(string TraceId, bool ServiceDown);
