using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Security;

namespace TenantPortal.Tests.Security;

/// <summary>One MVC action as the running app routes it, read from its EndpointDataSource, so a new endpoint is
/// covered by the security tests without anyone remembering to add it.</summary>
public sealed record PortalEndpoint(string Method, string Url, string Pattern, IReadOnlyList<string> Policies, bool AllowsAnonymous, bool IgnoresAntiforgery)
{
    public bool AdministratorOnly => Policies.Contains(PortalPolicies.Administrator);
    public bool StaffOnly => Policies.Contains(PortalPolicies.Staff) || AdministratorOnly;
    public bool TenantOnly => Policies.Contains(PortalPolicies.Tenant);

    public override string ToString() => $"{Method} {Url}";
}

public static partial class EndpointCatalogue
{
    /// <summary>Every controller action with each HTTP method it answers (actions without a method attribute are listed
    /// as GET and POST), route parameters filled with harmless values that satisfy their constraints.</summary>
    public static IReadOnlyList<PortalEndpoint> All(PortalAppFactory factory)
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var list = new List<PortalEndpoint>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>() is null)
            {
                continue; // health checks and other non-MVC endpoints
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? m : ["GET", "POST"];
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var policies = authorize.Select(a => a.Policy).OfType<string>().ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var ignores = endpoint.Metadata.OfType<Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute>().Any();
            foreach (var method in methods)
            {
                list.Add(new PortalEndpoint(method, Fill(endpoint.RoutePattern), endpoint.RoutePattern.RawText ?? "", policies, anonymous, ignores));
            }
        }

        return list.DistinctBy(e => e.ToString()).OrderBy(e => e.Url, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();
    }

    private static string Fill(RoutePattern pattern)
    {
        var raw = "/" + (pattern.RawText ?? "").TrimStart('/');
        return Parameter().Replace(raw, m =>
        {
            var constraint = m.Groups["constraint"].Value;
            return constraint switch
            {
                ":int" => "1",
                ":guid" => Guid.Empty.ToString(),
                _ => m.Groups["name"].Value == "reference" ? "NOPE-1" : "x",
            };
        });
    }

    [GeneratedRegex(@"\{(?<name>[a-zA-Z]+)(?<constraint>:[a-z]+)?\??\}")]
    private static partial Regex Parameter();
}
