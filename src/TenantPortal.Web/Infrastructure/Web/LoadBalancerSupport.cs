using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TenantPortal.Web.Infrastructure.Web;

public static class LoadBalancerSupport
{
    /// <summary>Trust X-Forwarded-For/-Proto only from the load balancers named in ForwardedHeaders:KnownProxies
    /// (IP addresses) and ForwardedHeaders:KnownNetworks (CIDR), so client IPs (rate limits) and https are right
    /// behind a proxy and cannot be spoofed by anyone else. Loopback is always trusted.</summary>
    public static IServiceCollection AddLoadBalancerSupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
