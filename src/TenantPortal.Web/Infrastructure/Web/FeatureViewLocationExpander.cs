using Microsoft.AspNetCore.Mvc.Razor;

namespace TenantPortal.Web.Infrastructure.Web;

/// <summary>Views live beside their controller in the feature folder: /Features/{Controller}/{View}.cshtml, and for
/// the admin area /Features/Admin/{Controller}/{View}.cshtml.</summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context)
    {
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
    [
        "/Features/{2}/{1}/{0}.cshtml",
        "/Features/{1}/{0}.cshtml",
        "/Features/Shared/{0}.cshtml",
    ];
}
