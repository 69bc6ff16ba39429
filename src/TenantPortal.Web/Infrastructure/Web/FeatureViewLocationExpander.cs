using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace TenantPortal.Web.Infrastructure.Web;

/// <summary>Views live beside their controller in its feature folder: the folder is the controller's namespace
/// (TenantPortal.Web.Features.Account → /Features/Account/{View}.cshtml), then /Features/{Area}/{Controller}/,
/// /Features/{Controller}/ and /Features/Shared/.</summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";
    private const string RootNamespace = "TenantPortal.Web.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor { ControllerTypeInfo.Namespace: { } ns }
            && ns.StartsWith(RootNamespace, StringComparison.Ordinal))
        {
            context.Values[Key] = "/" + ns[RootNamespace.Length..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(Key, out var folder) && folder is not null)
        {
            yield return folder + "/{0}.cshtml";
        }

        yield return "/Features/{2}/{1}/{0}.cshtml";
        yield return "/Features/{1}/{0}.cshtml";
        yield return "/Features/Shared/{0}.cshtml";
    }
}
