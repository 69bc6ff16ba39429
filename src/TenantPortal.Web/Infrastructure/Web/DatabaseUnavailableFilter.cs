using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using TenantPortal.Web.Features.Errors;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Infrastructure.Web;

/// <summary>When the database cannot be reached or is locked, every page answers 503 with the honest
/// "service unavailable" page and the phone number, in every environment. Every use case is one transaction, so
/// nothing has been half-written; for a form, what the user typed goes back into the page as hidden fields so
/// "Try again" sends it again unchanged (passwords and fields marked <see cref="SensitiveFieldAttribute"/> excepted: they are never written into a page).</summary>
public sealed class DatabaseUnavailableFilter(ILogger<DatabaseUnavailableFilter> logger, IModelMetadataProvider metadata) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.ExceptionHandled || !DatabaseFailure.Is(context.Exception))
        {
            return;
        }

        var http = context.HttpContext;
        logger.LogError(context.Exception, "Database unavailable on {Method} {Path}", http.Request.Method, http.Request.Path);
        var model = new ServiceUnavailableViewModel(http.TraceIdentifier, RetryFields(http.Request), http.Request.HasFormContentType && http.Request.Form.Files.Count > 0)
        {
            RetryUrl = HttpMethods.IsPost(http.Request.Method) ? http.Request.Path + http.Request.QueryString : null,
        };
        http.Response.Headers.RetryAfter = "30";
        context.Result = new ViewResult
        {
            ViewName = "~/Features/Errors/ServiceUnavailable.cshtml",
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ViewData = new ViewDataDictionary<ServiceUnavailableViewModel>(metadata, new ModelStateDictionary()) { Model = model },
        };
        context.ExceptionHandled = true;
    }

    private static List<KeyValuePair<string, string>> RetryFields(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return [];
        }

        return SensitiveFields.Keepable(request.Form, request.HttpContext.GetEndpoint());
    }
}
