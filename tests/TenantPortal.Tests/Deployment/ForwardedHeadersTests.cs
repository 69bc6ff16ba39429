using System.Net;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Deployment;

/// <summary>Behind a load balancer every request arrives from the balancer's address: the client's own IP comes from
/// X-Forwarded-For (trusted only from known proxies; loopback here), so rate limits apply per client, not per balancer.</summary>
[Trait("Category", "Browser")]
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task Rate_limits_count_the_forwarded_client_address_not_the_balancers()
    {
        await using var app = await AppServer.StartAsync(new Dictionary<string, string> { ["RateLimiting__AuthPermitsPerMinute"] = "3" });
        using var http = new HttpClient();

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            first.Add(await PostSignInAsync(http, app, "203.0.113.5"));
        }

        var otherClient = await PostSignInAsync(http, app, "203.0.113.6");

        Assert.All(first.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        // 429, not 400: the friendly page is re-executed for a POST without a token too.
        Assert.Equal(HttpStatusCode.TooManyRequests, first[3]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherClient);
    }

    private static async Task<HttpStatusCode> PostSignInAsync(HttpClient http, AppServer app, string clientIp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{app.BaseUrl}/account/sign-in"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "someone@example.org", ["Password"] = "x" }),
        };
        request.Headers.Add("X-Forwarded-For", clientIp);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
