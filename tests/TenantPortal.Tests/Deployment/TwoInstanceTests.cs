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
/// balancer: a session started on one works on the other, a webhook delivered to both posts one payment, and each
/// queued email is sent by one of them only. On a SQLite file here; on PostgreSQL in <see cref="PostgresTwoInstanceTests"/>.</summary>
[Trait("Category", "Browser")]
public sealed class TwoInstanceTests(TwoInstances app) : TwoInstanceChecks(app), IClassFixture<TwoInstances>;

/// <summary>The two instances on one PostgreSQL database, where their transactions really interleave.</summary>
[Trait("Category", "Browser")]
public sealed class PostgresTwoInstanceTests(PostgresTwoInstances app) : TwoInstanceChecks(app), IClassFixture<PostgresTwoInstances>;

public abstract class TwoInstanceChecks(TwoInstances app)
{
    [Fact]
    public async Task A_session_signed_in_on_one_instance_is_accepted_by_the_other()
    {
        var cookies = new Dictionary<string, string>();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

        var signedIn = await SignInAsync(http, cookies, app.First);
        var home = await SendAsync(http, cookies, HttpMethod.Get, $"{app.Second.BaseUrl}/");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains($"Hello, {DemoData.LeadTenantFullName}", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_added_through_one_instance_is_shown_by_the_other()
    {
        var cookies = new Dictionary<string, string>();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        await SignInAsync(http, cookies, app.First);
        string reference;
        await using (var housing = Housing())
        {
            reference = await housing.Repairs.Where(r => r.Tenancy!.Reference == DemoData.TenancyReference && r.Status == RepairStatus.Reported)
                .OrderBy(r => r.Id).Select(r => r.Reference).FirstAsync();
        }

        var form = await SendAsync(http, cookies, HttpMethod.Get, $"{app.First.BaseUrl}/repairs/{reference}/add-information");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(TokenOf(await form.Content.ReadAsStringAsync())), "__RequestVerificationToken" },
            { new StringContent("Photo through the first instance"), "Information" },
            { new ByteArrayContent(Repairs.TestImages.Heic()), "upload", "tap.heic" },
        };
        var added = await SendAsync(http, cookies, HttpMethod.Post, $"{app.First.BaseUrl}/repairs/{reference}/add-information", content);
        var page = new HtmlParser().ParseDocument(await (await SendAsync(http, cookies, HttpMethod.Get, $"{app.Second.BaseUrl}/repairs/{reference}")).Content.ReadAsStringAsync());
        var img = page.QuerySelector(".photo-list img")!;
        var thumbnail = await SendAsync(http, cookies, HttpMethod.Get, $"{app.Second.BaseUrl}{img.GetAttribute("src")}");
        var photo = await SendAsync(http, cookies, HttpMethod.Get, $"{app.Second.BaseUrl}{img.ParentElement!.GetAttribute("href")}");

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
            PostWebhookAsync(http, app.First, payload), PostWebhookAsync(http, app.Second, payload),
            PostWebhookAsync(http, app.First, payload), PostWebhookAsync(http, app.Second, payload));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var housing = Housing();
        var lines = await housing.RentTransactions.Where(t => t.ProviderReference == "pi_two_instances").ToListAsync();
        var line = Assert.Single(lines);
        Assert.Equal(tenancyId, line.TenancyId);
        Assert.Equal(-25.00m, line.Amount);
        await using var portal = Portal();
        Assert.Equal(PaymentStatus.Succeeded, (await portal.PaymentAttempts.SingleAsync(a => a.Id == attemptId)).Status);
    }

    [Fact]
    public async Task Emails_queued_for_both_instances_are_each_sent_once()
    {
        var addresses = Enumerable.Range(0, 40).Select(i => $"two-{i}-{Guid.NewGuid():N}@example.org").ToList();
        await using (var portal = Portal())
        {
            portal.EmailOutbox.AddRange(addresses.Select(a => new OutboxMessage { To = a, Subject = "Two instances", Body = "Body", CreatedAt = TestClock.Start.UtcDateTime }));
            await portal.SaveChangesAsync();
        }

        // Both instances' workers poll the outbox every 15 seconds.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await using var portal = Portal();
            if (!await portal.EmailOutbox.AnyAsync(m => addresses.Contains(m.To) && m.SentAt == null))
            {
                break;
            }

            await Task.Delay(250);
        }

        var written = new[] { app.First, app.Second }.Where(s => Directory.Exists(s.EmailFolder))
            .SelectMany(s => Directory.GetFiles(s.EmailFolder, "*.eml")).Select(File.ReadAllText).ToList();
        Assert.All(addresses, a => Assert.Single(written, w => w.Contains(a, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Two_repairs_moved_at_once_to_the_last_place_in_a_slot_through_both_instances_give_it_to_exactly_one()
    {
        var cookies = new Dictionary<string, string>();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        await SignInAsync(http, cookies, app.First);
        List<string> references;
        await using (var housing = Housing())
        {
            references = await housing.Repairs.Where(r => r.Tenancy!.Reference == DemoData.TenancyReference && r.Status != RepairStatus.Completed && r.Status != RepairStatus.Cancelled)
                .OrderBy(r => r.Id).Select(r => r.Reference).ToListAsync();
        }

        // One of the tenant's repairs that may choose a time online, and a second one just like it.
        (string Reference, HashSet<int> Slots, string Token)? a = null;
        foreach (var reference in references)
        {
            a = await OfferedAsync(http, cookies, reference);
            if (a is { Slots.Count: > 0 })
            {
                break;
            }
        }

        var b = await OfferedAsync(http, cookies, await CopyRepairAsync(a!.Value.Reference));
        var slotId = a.Value.Slots.Intersect(b!.Value.Slots).First();
        await using (var housing = Housing())
        {
            await housing.AppointmentSlots.Where(s => s.Id == slotId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, x => x.BookedCount + 1));
        }

        var responses = await Task.WhenAll(
            MoveAsync(http, cookies, app.First, a.Value.Reference, a.Value.Token, slotId),
            MoveAsync(http, cookies, app.Second, b.Value.Reference, b.Value.Token, slotId));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        await using (var housing = Housing())
        {
            var slot = await housing.AppointmentSlots.AsNoTracking().SingleAsync(s => s.Id == slotId);
            Assert.Equal(slot.Capacity, slot.BookedCount);
            Assert.Equal(slot.BookedCount, await housing.Appointments.CountAsync(x => x.SlotId == slotId && x.Status == AppointmentStatus.Booked));
            var moved = await housing.Repairs.Where(r => r.Reference == a.Value.Reference || r.Reference == b.Value.Reference).Select(r => r.Id).ToListAsync();
            Assert.Equal(1, await housing.Appointments.CountAsync(x => x.SlotId == slotId && x.Status == AppointmentStatus.Booked && moved.Contains(x.RepairId)));
        }
    }

    private async Task<(string Reference, HashSet<int> Slots, string Token)?> OfferedAsync(HttpClient http, Dictionary<string, string> cookies, string reference)
    {
        var page = await SendAsync(http, cookies, HttpMethod.Get, $"{app.First.BaseUrl}/repairs/{reference}/appointment");
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var html = await page.Content.ReadAsStringAsync();
        var slots = new HtmlParser().ParseDocument(html).QuerySelectorAll("input[name=slotId]")
            .Select(i => int.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        return (reference, slots, TokenOf(html));
    }

    /// <summary>A second reported repair like <paramref name="reference"/>, without an appointment yet.</summary>
    private async Task<string> CopyRepairAsync(string reference)
    {
        await using var housing = Housing();
        var copy = await housing.Repairs.AsNoTracking().SingleAsync(r => r.Reference == reference);
        var number = reference[(reference.IndexOf('-', StringComparison.Ordinal) + 1)..];
        copy.Id = 0;
        copy.Reference = $"{reference[..(reference.Length - number.Length)]}{new string('9', number.Length)}";
        copy.SubmissionKey = null;
        copy.Status = RepairStatus.Reported;
        copy.Version = Guid.NewGuid();
        housing.Repairs.Add(copy);
        await housing.SaveChangesAsync();
        return copy.Reference;
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient http, Dictionary<string, string> cookies, AppServer server, string reference, string token, int slotId) =>
        SendAsync(http, cookies, HttpMethod.Post, $"{server.BaseUrl}/repairs/{reference}/appointment", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["slotId"] = slotId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

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

    private HousingDbContext Housing() => app.Housing();

    private PortalDbContext Portal() => app.Portal();
}

/// <summary>Two app processes on one SQLite file, started once for the test class.</summary>
public class TwoInstances : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("tenantportal-two-").FullName;

    public AppServer First { get; private set; } = null!;

    public AppServer Second { get; private set; } = null!;

    private string DatabasePath => Path.Combine(folder, "shared.db");

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["Stripe__SecretKey"] = FakeStripe.SecretKey,
            ["Stripe__PublishableKey"] = FakeStripe.PublishableKey,
            ["Stripe__WebhookSecret"] = FakeStripe.WebhookSecret,
        };
        var databasePath = await CreateDatabaseAsync(environment);
        var servers = await Task.WhenAll(AppServer.StartAsync(environment, databasePath), AppServer.StartAsync(environment, databasePath));
        (First, Second) = (servers[0], servers[1]);
    }

    /// <summary>Makes the shared database and points both instances at it; returns the SQLite file (null otherwise).</summary>
    protected virtual Task<string?> CreateDatabaseAsync(IDictionary<string, string> environment)
    {
        File.Copy(DemoDatabaseTemplate.Path, DatabasePath);
        return Task.FromResult<string?>(DatabasePath);
    }

    public virtual HousingDbContext Housing() => new SqliteHousingDbContext(new DbContextOptionsBuilder<SqliteHousingDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

    public virtual PortalDbContext Portal() => new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

    public virtual async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>Two app processes on one PostgreSQL database of the test run's cluster.</summary>
public sealed class PostgresTwoInstances : TwoInstances
{
    private string connectionString = null!;

    protected override async Task<string?> CreateDatabaseAsync(IDictionary<string, string> environment)
    {
        connectionString = await PostgresServer.CreateDemoDatabaseAsync();
        environment["Database__Provider"] = "PostgreSql";
        environment["ConnectionStrings__Housing"] = connectionString;
        environment["ConnectionStrings__Portal"] = connectionString;
        return null;
    }

    public override HousingDbContext Housing() => new PostgresHousingDbContext(new DbContextOptionsBuilder<PostgresHousingDbContext>().UseNpgsql(connectionString).Options);

    public override PortalDbContext Portal() => new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(connectionString);
    }
}
