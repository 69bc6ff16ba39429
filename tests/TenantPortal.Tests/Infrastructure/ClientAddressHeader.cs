using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>The test server has no client address; this gives each test client one (from the X-Test-Client-Address
/// header, set before the app's own pipeline), so throttles that count per client can be tested in process.</summary>
public sealed class ClientAddressHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public static void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter, ClientAddressHeader>();

    /// <summary>A browser client of <paramref name="factory"/> that arrives from <paramref name="address"/>.</summary>
    public static HttpClient ClientFrom(PortalAppFactory factory, string address)
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
