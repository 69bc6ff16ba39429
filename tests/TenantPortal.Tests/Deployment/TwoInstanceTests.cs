using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Rent;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Deployment;

/// <summary>Two real instances of the app (two processes, two loopback ports) on one database, as behind a load
/// balancer: a session started on one works on the other, and a webhook delivered to both posts one payment.</summary>
[Trait("Category", "Browser")]
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("tenantportal-two-").FullName;
    private AppServer first = null!;
    private AppServer second = null!;

    private string DatabasePath => Path.Combine(folder, "shared.db");

    public async Task InitializeAsync()
    {
        File.Copy(DemoDatabaseTemplate.Path, DatabasePath);
        var environment = new Dictionary<string, string>
        {
            ["Stripe__SecretKey"] = FakeStripe.SecretKey,
            ["Stripe__PublishableKey"] = FakeStripe.PublishableKey,
            ["Stripe__WebhookSecret"] = FakeStripe.WebhookSecret,
        };
        var starting = new[] { AppServer.StartAsync(environment, DatabasePath), AppServer.StartAsync(environment, DatabasePath) };
        var servers = await Task.WhenAll(starting);
        (first, second) = (servers[0], servers[1]);
    }

    [Fact]
    public async Task A_session_signed_in_on_one_instance_is_accepted_by_the_other()
    {
        var cookies = new Dictionary<string, string>();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

        var signedIn = await SignInAsync(http, cookies, first);
        var home = await SendAsync(http, cookies, HttpMethod.Get, $"{second.BaseUrl}/");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains($"Hello, {DemoData.LeadTenantFullName}", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_added_through_one_instance_is_shown_by_the_other()
    {
        var cookies = new Dictionary<string, string>();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        await SignInAsync(http, cookies, first);
        string reference;
        await using (var housing = Housing())
        {
            reference = await housing.Repairs.Where(r => r.Tenancy!.Reference == DemoData.TenancyReference && r.Status == RepairStatus.Reported)
                .OrderBy(r => r.Id).Select(r => r.Reference).FirstAsync();
        }

        var form = await SendAsync(http, cookies, HttpMethod.Get, $"{first.BaseUrl}/repairs/{reference}/add-information");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(TokenOf(await form.Content.ReadAsStringAsync())), "__RequestVerificationToken" },
            { new StringContent("Photo through the first instance"), "Information" },
            { new ByteArrayContent(Repairs.TestImages.Heic()), "upload", "tap.heic" },
        };
        var added = await SendAsync(http, cookies, HttpMethod.Post, $"{first.BaseUrl}/repairs/{reference}/add-information", content);
        var page = new HtmlParser().ParseDocument(await (await SendAsync(http, cookies, HttpMethod.Get, $"{second.BaseUrl}/repairs/{reference}")).Content.ReadAsStringAsync());
        var img = page.QuerySelector(".photo-list img")!;
        var thumbnail = await SendAsync(http, cookies, HttpMethod.Get, $"{second.BaseUrl}{img.GetAttribute("src")}");
        var photo = await SendAsync(http, cookies, HttpMethod.Get, $"{second.BaseUrl}{img.ParentElement!.GetAttribute("href")}");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (thumbnail.StatusCode, thumbnail.Content.Headers.ContentType!.MediaType));
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (photo.StatusCode, photo.Content.Headers.ContentType!.MediaType));
    }

    [Fact]
    public async Task The_same_webhook_delivered_to_both_instances_at_once_posts_one_payment()
    {
        var (tenancyId, attemptId) = await OpenPaymentAttemptAsync(25.00m, "cs_test_two_instances");
        var payload = StripeWebhook.Event("evt_two_instances", "checkout.session.completed",
            StripeWebhook.Completed("cs_test_two_instances", attemptId, "pi_two_instances", 2500));
        using var http = new HttpClient();

        var responses = await Task.WhenAll(
            PostWebhookAsync(http, first, payload), PostWebhookAsync(http, second, payload),
            PostWebhookAsync(http, first, payload), PostWebhookAsync(http, second, payload));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var housing = Housing();
        var lines = await housing.RentTransactions.Where(t => t.ProviderReference == "pi_two_instances").ToListAsync();
        var line = Assert.Single(lines);
        Assert.Equal(tenancyId, line.TenancyId);
        Assert.Equal(-25.00m, line.Amount);
        await using var portal = Portal();
        Assert.Equal(PaymentStatus.Succeeded, (await portal.PaymentAttempts.SingleAsync(a => a.Id == attemptId)).Status);
    }

    private static async Task<HttpResponseMessage> PostWebhookAsync(HttpClient http, AppServer server, string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{server.BaseUrl}/webhooks/stripe"))
        {
            Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeWebhook.Sign(payload));
        return await http.SendAsync(request);
    }

    private async Task<(int TenancyId, Guid AttemptId)> OpenPaymentAttemptAsync(decimal amount, string sessionId)
    {
        await using var housing = Housing();
        var tenancy = await housing.Tenancies.Include(t => t.Tenants).SingleAsync(t => t.Reference == DemoData.TenancyReference);
        await using var portal = Portal();
        var attempt = new PaymentAttempt
        {
            Id = Guid.NewGuid(),
            TenancyId = tenancy.Id,
            TenancyReference = tenancy.Reference,
            TenantId = tenancy.Tenants[0].Id,
            Amount = amount,
            Status = PaymentStatus.Open,
            Provider = PaymentProvider.Stripe,
            ProviderSessionId = sessionId,
            CreatedAt = TestClock.Start.UtcDateTime, // both app processes' clocks start there
        };
        portal.PaymentAttempts.Add(attempt);
        await portal.SaveChangesAsync();
        return (tenancy.Id, attempt.Id);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient http, Dictionary<string, string> cookies, AppServer server)
    {
        var signInPage = await SendAsync(http, cookies, HttpMethod.Get, $"{server.BaseUrl}/account/sign-in");
        return await SendAsync(http, cookies, HttpMethod.Post, $"{server.BaseUrl}/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOf(await signInPage.Content.ReadAsStringAsync()),
            ["Email"] = DemoSeeder.TenantEmail,
            ["Password"] = DemoSeeder.Password,
        }));
    }

    private static string TokenOf(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>Cookies by hand: the instances speak plain http on loopback, where a client would not send back
    /// the Secure cookies a real browser sends over the balancer's https.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Dictionary<string, string> cookies, HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url)) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        if (cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            cookies[pair[..equals]] = pair[(equals + 1)..];
        }

        return response;
    }

    private SqliteHousingDbContext Housing() => new(new DbContextOptionsBuilder<SqliteHousingDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

    private SqlitePortalDbContext Portal() => new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
