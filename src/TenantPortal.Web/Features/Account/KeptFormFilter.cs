using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Features.Account;

/// <summary>Puts a form kept at a sign-out (<see cref="KeptForms"/>) back into its page after signing in again: the
/// values go into the page's model state as if just posted, so the text field tag helper and every input that reads
/// model state show them, with the notice in the layout. Only on a GET that shows a page (a page that redirects leaves
/// them for later), only while the <see cref="KeptForms.Cookie"/> says something is waiting, and only to the user whose
/// they are. Nothing is sent: the user checks the form and sends it themselves.</summary>
public sealed class KeptFormFilter(ILogger<KeptFormFilter> logger) : IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.Result is ViewResult view
            && HttpMethods.IsGet(http.Request.Method)
            && http.Request.Cookies.ContainsKey(KeptForms.Cookie)
            && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            try
            {
                if (await http.RequestServices.GetRequiredService<KeptForms>().TakeAsync(http, userId, http.Request.Path.Value ?? "") is { } kept)
                {
                    Restore(view.ViewData.ModelState, kept);
                    view.ViewData[KeptForms.NoticeKey] = kept.HadFiles;
                }
            }
            catch (Exception e) when (DatabaseFailure.Is(e))
            {
                // The page still shows; what was kept stays for the next visit.
                logger.LogWarning(e, "Could not look for a kept form");
            }
        }

        await next();
    }

    private static void Restore(ModelStateDictionary modelState, KeptFields kept)
    {
        foreach (var field in kept.Fields.Where(f => f.Length == 2).GroupBy(f => f[0], f => f[1], StringComparer.Ordinal))
        {
            modelState.SetModelValue(field.Key, new ValueProviderResult(new StringValues([.. field])));
            modelState.MarkFieldValid(field.Key);
        }
    }
}
