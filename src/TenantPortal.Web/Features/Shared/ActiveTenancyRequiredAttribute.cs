using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Web.Features.Shared;

/// <summary>Tenant actions that change something at the home (report a repair, book, change or cancel an appointment,
/// cancel a repair, add information, pay rent) need the signed-in tenant's tenancy to be current: a former tenant can
/// still sign in and see their repairs and rent account, and gets a plain page (403) saying why they can't do this.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ActiveTenancyRequiredAttribute() : TypeFilterAttribute(typeof(ActiveTenancyFilter));

/// <summary>The page a former tenant sees instead (<c>Features/Shared/TenancyEnded.cshtml</c>).</summary>
public sealed record TenancyEndedPage(DateOnly? EndDate, bool ForOfficer);

public sealed class ActiveTenancyFilter(HousingDbContext db) : IAsyncActionFilter
{
    public const string View = "~/Features/Shared/TenancyEnded.cshtml";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var tenancyId = context.HttpContext.User.TenancyId();
        var ended = await db.Tenancies.AsNoTracking()
            .Where(t => t.Id == tenancyId && t.Status == TenancyStatus.Ended)
            .Select(t => new { t.EndDate })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (ended is not null && context.Controller is Controller controller)
        {
            context.Result = Refuse(controller, new TenancyEndedPage(ended.EndDate, ForOfficer: false));
            return;
        }

        await next();
    }

    /// <summary>The refusal page, for this filter and for the officer's journey on an ended tenancy.</summary>
    public static IActionResult Refuse(Controller controller, TenancyEndedPage page)
    {
        var result = controller.View(View, page);
        result.StatusCode = StatusCodes.Status403Forbidden;
        return result;
    }
}
