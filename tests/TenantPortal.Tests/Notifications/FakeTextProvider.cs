using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TenantPortal.Tests.Notifications;

/// <summary>A text provider's API as an HttpMessageHandler: records each request (method, URL, headers, body) and
/// answers with the status and JSON the test set, as the real API does.</summary>
public sealed class FakeTextProvider : HttpMessageHandler
{
    public sealed record Recorded(HttpMethod Method, Uri Url, string? Authorization, string? ContentType, string Body);

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public HttpStatusCode Status { get; set; } = HttpStatusCode.Created;

    public string Answer { get; set; } = "{}";

    public IHttpClientFactory Factory => new Clients(this);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new Recorded(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.MediaType, body));
        return new HttpResponseMessage(Status) { Content = new StringContent(Answer, Encoding.UTF8, "application/json") };
    }

    private sealed class Clients(FakeTextProvider handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
