using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace TenantPortal.Web.Infrastructure.Web;

/// <summary>Views live beside their controller in the feature folder: /Features/{Controller}/{View}.cshtml, and for
/// the admin area /Features/Admin/{Controller}/{View}.cshtml. A controller whose name differs from its folder
/// (Features/Account/SignInController) is found by its namespace: /Features/Account/{View}.cshtml.</summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";
    private const string Marker = ".Features.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        var ns = (context.ActionContext.ActionDescriptor as ControllerActionDescriptor)?.ControllerTypeInfo.Namespace;
        var index = ns?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (ns is not null && index >= 0)
        {
            context.Values[FeatureKey] = ns[(index + Marker.Length)..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureKey, out var feature) && !string.IsNullOrEmpty(feature))
        {
            yield return "/Features/" + feature + "/{0}.cshtml";
        }

        yield return "/Features/{2}/{1}/{0}.cshtml";
        yield return "/Features/{1}/{0}.cshtml";
        yield return "/Features/Shared/{0}.cshtml";
    }
}
