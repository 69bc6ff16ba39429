using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Rent;

namespace TenantPortal.Tests.Security;

/// <summary>Issue 22, point 8: a correctly signed body that is not a Stripe event is a 400 (not a 500), and an
/// oversized body is a 413 before anything reads or checks it, in Production too (no HTML error page).</summary>
public sealed class WebhookBodyTests(StripeAppFixture app) : IClassFixture<StripeAppFixture>
{
    public static TheoryData<string, string> SignedButNotAnEvent => new()
    {
        { "malformed JSON", "{\"id\": \"evt_1\", \"object\": \"event\", " },
        { "a JSON array", "[{\"id\": \"evt_1\", \"object\": \"event\"}]" },
        { "a null event id", StripeWebhook.Event("evt_placeholder", "checkout.session.completed", FakeStripe.Session("cs_x", Guid.NewGuid().ToString(), "complete", "paid", "pi_x", 100, false)).Replace("\"evt_placeholder\"", "null", StringComparison.Ordinal) },
        { "a charge where a session should be", StripeWebhook.Event("evt_wrong_type_" + Guid.NewGuid().ToString("N"), "checkout.session.completed", StripeWebhook.RefundedCharge("pi_x", ("re_x", 100))) },
        { "a session where a refund should be", StripeWebhook.Event("evt_wrong_type_" + Guid.NewGuid().ToString("N"), "refund.updated", FakeStripe.Session("cs_y", Guid.NewGuid().ToString(), "complete", "paid", "pi_y", 100, false)) },
        { "a string", "\"hello\"" },
    };

    [Theory]
    [MemberData(nameof(SignedButNotAnEvent))]
    public async Task A_correctly_signed_body_that_is_not_a_stripe_event_gets_400_and_nothing_is_stored(string kind, string payload)
    {
        var before = await RentDb.QueryAsync(app.Factory, (_, p) => p.ProviderEvents.CountAsync());

        var response = await StripeWebhook.PostAsync(app.Factory.CreateClient(), payload);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{kind}: {(int)response.StatusCode}");
        Assert.Equal(before, await RentDb.QueryAsync(app.Factory, (_, p) => p.ProviderEvents.CountAsync()));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_body_over_256_KB_gets_413_whether_signed_or_not(string environment)
    {
        using var factory = environment == "Development" ? null : FakeStripe.CreateFactory(new FakeStripe(), environment: environment, settings: ProductionSettings());
        var client = (factory ?? app.Factory).CreateClient();
        var payload = "{\"id\":\"evt_big\",\"padding\":\"" + new string('x', 300 * 1024) + "\"}";

        var unsigned = await PostAsync(client, payload, signature: null);
        var signed = await StripeWebhook.PostAsync(client, payload);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, signed.StatusCode);
        Assert.DoesNotContain("<html", await unsigned.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task On_kestrel_in_production_a_body_over_256_KB_gets_413_not_the_error_page()
    {
        await using var server = await AppServer.StartAsync(Infrastructure.ProductionSettings.ForProcess(new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = FakeStripe.SecretKey,
            ["Stripe:PublishableKey"] = FakeStripe.PublishableKey,
            ["Stripe:WebhookSecret"] = FakeStripe.WebhookSecret,
            ["Stripe:TestEnvironment"] = "true",
        }));
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        // Just over the limit: the server answers 413 before reading it all, so keep what is left unread small.
        var payload = "{\"padding\":\"" + new string('x', (256 * 1024) + 100) + "\"}";
        using var chunked = new HttpRequestMessage(HttpMethod.Post, new Uri($"{server.BaseUrl}/webhooks/stripe"))
        {
            Content = new PushStreamContent(payload),
        };
        chunked.Headers.TryAddWithoutValidation("Stripe-Signature", "t=1,v1=00");

        using var withLengthRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/stripe", UriKind.Relative))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        withLengthRequest.Headers.ExpectContinue = true; // the 413 comes before the body is sent
        var withLength = await http.SendAsync(withLengthRequest);
        var withoutLength = await http.SendAsync(chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withoutLength.StatusCode);
    }

    /// <summary>A body sent chunked, without Content-Length, as a client streaming it would.</summary>
    private sealed class PushStreamContent(string text) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static Dictionary<string, string?> ProductionSettings() =>
        Infrastructure.ProductionSettings.ForFactory(new Dictionary<string, string?> { ["Stripe:TestEnvironment"] = "true" });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string payload, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/stripe", UriKind.Relative))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return await client.SendAsync(request);
    }
}
