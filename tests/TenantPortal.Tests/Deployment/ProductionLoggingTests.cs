using System.Net;
using System.Text.Json;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Deployment;

/// <summary>Production logs are compact JSON on the console (one event per line, for the log collector), with no
/// personal data, and the load balancer's health endpoints answer.</summary>
[Trait("Category", "Browser")]
public sealed class ProductionLoggingTests
{
    [Fact]
    public async Task In_production_every_console_line_is_a_compact_json_event_and_no_email_address_is_logged()
    {
        await using var app = await AppServer.StartAsync(ProductionSettings.ForProcess(new Dictionary<string, string?> { ["Email:SmtpHost"] = "127.0.0.1" }));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{app.BaseUrl}/account/sign-in?email={Uri.EscapeDataString(DemoSeeder.TenantEmail)}"));
        request.Headers.Add("X-Forwarded-Proto", "https");

        var page = await http.SendAsync(request);
        var ready = await http.GetAsync(new Uri($"{app.BaseUrl}/health/ready"));
        await WaitForAsync(() => app.Output.Contains("/account/sign-in", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var lines = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SkipWhile(l => !l.StartsWith('{')) // the plain start-up logger's lines before the app's logger takes over
            .ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("@t", out _), line);
            Assert.True(json.RootElement.TryGetProperty("@mt", out _) || json.RootElement.TryGetProperty("@m", out _), line);
        });
        var requestLine = Assert.Single(lines, l => l.Contains("\"RequestPath\":\"/account/sign-in\"", StringComparison.Ordinal));
        Assert.DoesNotContain("example.org", string.Join('\n', lines), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("email=", requestLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header_and_production_starts_with_the_key_ring_certificate()
    {
        await using var app = await AppServer.StartAsync(ProductionSettings.ForProcess(new Dictionary<string, string?> { ["Email:SmtpHost"] = "127.0.0.1" }));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{app.BaseUrl}/account/sign-in"));
        request.Headers.Add("X-Forwarded-Proto", "https");

        var page = await http.SendAsync(request);
        var live = await http.GetAsync(new Uri($"{app.BaseUrl}/health/live"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Server"), string.Join(", ", page.Headers.TryGetValues("Server", out var s) ? s : []));
        Assert.False(live.Headers.Contains("Server"));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
