using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace TenantPortal.Web.Infrastructure.Web;

<<<<<<< HEAD
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
=======
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
>>>>>>> main
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
<<<<<<< HEAD
        if (context.Values.TryGetValue(FeatureKey, out var feature) && !string.IsNullOrEmpty(feature))
        {
            yield return "/Features/" + feature + "/{0}.cshtml";
=======
        if (context.Values.TryGetValue(Key, out var folder) && folder is not null)
        {
            yield return folder + "/{0}.cshtml";
>>>>>>> main
        }

        yield return "/Features/{2}/{1}/{0}.cshtml";
        yield return "/Features/{1}/{0}.cshtml";
        yield return "/Features/Shared/{0}.cshtml";
    }
}
