using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Repairs;

/// <summary>The real app over its own seeded SQLite file, with the demo housing data in place, the demo tenant's
/// account linked to Alex Morgan (DEMO-0001) and an account for Grace Okafor (DEMO-0002) to prove isolation.</summary>
public sealed class RepairsApp : IDisposable
{
    public const string SecondTenantEmail = DemoData.SecondTenantEmail;

    private RepairsApp(PortalAppFactory factory) => Factory = factory;

    public PortalAppFactory Factory { get; }

    /// <summary>Starts the app. <paramref name="shortLockTimeout"/> makes the app give up after 1 second when the
    /// database is locked, so a test can make the database "unavailable" by holding a write lock.</summary>
    public static async Task<RepairsApp> StartAsync(IDictionary<string, string?>? settings = null, bool shortLockTimeout = false, Action<IServiceCollection>? services = null)
    {
        var folder = Directory.CreateTempSubdirectory("tenantportal-repairs-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Repairs:PhotoFolder"] = Path.Combine(folder, "photos"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        PortalAppFactory? factory = null;
        factory = new PortalAppFactory(s =>
        {
            if (shortLockTimeout)
            {
                s.AddScoped(_ => factory!.PostgresConnectionString is { } postgres
                    ? new SharedConnection(DatabaseProvider.PostgreSql, $"{postgres};Options=-c lock_timeout=1000")
                    : new SharedConnection(DatabaseProvider.Sqlite, $"Data Source={factory!.DatabasePath};Default Timeout=1"));
            }

            services?.Invoke(s);
        }, all);
        var app = new RepairsApp(factory);
        await PrepareAsync(app.Factory.Services);
        return app;
    }

    /// <summary>Seeds the housing demo data if the app has not (idempotent) and links the demo accounts.</summary>
    public static async Task PrepareAsync(IServiceProvider root)
    {
        using var scope = root.CreateScope();
        var housing = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await HousingDemoSeeder.SeedAsync(housing, UkTime.Today(clock));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var alex = await housing.Tenants.Where(t => t.Email == DemoSeeder.TenantEmail).Select(t => t.Id).SingleAsync();
        var tenantUser = await users.FindByEmailAsync(DemoSeeder.TenantEmail) ?? throw new InvalidOperationException("No demo tenant account");
        if (tenantUser.TenantId != alex)
        {
            tenantUser.TenantId = alex;
            await users.UpdateAsync(tenantUser);
        }

        if (await users.FindByEmailAsync(SecondTenantEmail) is null)
        {
            var grace = await housing.Tenants.Where(t => t.Email == SecondTenantEmail).Select(t => t.Id).SingleAsync();
            var result = await users.CreateAsync(new PortalUser
            {
                UserName = SecondTenantEmail,
                Email = SecondTenantEmail,
                EmailConfirmed = true,
                DisplayName = DemoData.SecondTenantFullName,
                TenantId = grace,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            }, DemoSeeder.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    public async Task<HttpClient> SignedInAsync(string email = DemoSeeder.TenantEmail)
    {
        var client = Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client, email);
        return client;
    }

    public async Task<T> WithHousingAsync<T>(Func<HousingDbContext, Task<T>> work)
    {
        using var scope = Factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HousingDbContext>());
    }

    public async Task<T> WithPortalAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        using var scope = Factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task<int> TenancyIdAsync(string reference) =>
        WithHousingAsync(db => db.Tenancies.Where(t => t.Reference == reference).Select(t => t.Id).SingleAsync());

    public void Dispose() => Factory.Dispose();
}

/// <summary>Walks the report-a-repair journey the way a browser without JavaScript does.</summary>
public static class ReportJourney
{
    /// <summary>Picks the radio whose label starts with <paramref name="label"/> on the page and submits.</summary>
    public static async Task<HttpResponseMessage> ChooseAsync(this HttpClient client, string url, string label)
    {
        var page = await client.GetDocumentAsync(url);
        var value = ValueOf(page, label);
        return await client.SubmitFormAsync(page, new Dictionary<string, string> { ["Choice"] = value });
    }

    public static string ValueOf(IHtmlDocument page, string label)
    {
        var radio = page.QuerySelectorAll(".radio").FirstOrDefault(r => r.QuerySelector("label")!.TextContent.Trim().StartsWith(label, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No option '{label}' on {page.Url}: {page.NormalisedText()}");
        return radio.QuerySelector("input")!.GetAttribute("value")!;
    }

    public static async Task<HttpResponseMessage> UploadPhotosAsync(this HttpClient client, string button, params (string Name, string ContentType, byte[] Bytes)[] files)
    {
        var page = await client.GetDocumentAsync("/repairs/report/photos");
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(button), "button" },
            { new StringContent("false"), "change" },
        };
        foreach (var (name, type, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(file, "upload", name);
        }

        return await client.PostAsync(new Uri("/repairs/report/photos", UriKind.Relative), content);
    }

    /// <summary>Reports a dripping kitchen tap up to the "choose a time" page.</summary>
    public static async Task ToAppointmentPageAsync(HttpClient client, string description = "The hot tap drips all the time", byte[]? photo = null)
    {
        Expect(await client.SubmitFormAsync("/repairs/report", new Dictionary<string, string>()), "/repairs/report/where");
        Expect(await client.ChooseAsync("/repairs/report/where", "Kitchen"), "/repairs/report/what");
        Expect(await client.ChooseAsync("/repairs/report/what", "Tap"), "/repairs/report/problem");
        Expect(await client.ChooseAsync("/repairs/report/problem", "Dripping or leaking"), "/repairs/report/describe");
        Expect(await client.SubmitFormAsync("/repairs/report/describe", new Dictionary<string, string> { ["Description"] = description }), "/repairs/report/photos");
        var files = photo is null ? [] : new[] { ("tap.jpg", "image/jpeg", photo) };
        Expect(await client.UploadPhotosAsync("continue", files), "/repairs/report/access");
        var access = await client.GetDocumentAsync("/repairs/report/access");
        var phone = access.QuerySelector("#ContactPhone")!.GetAttribute("value")!;
        Expect(await client.SubmitFormAsync(access, new Dictionary<string, string> { ["WhoWillBeHome"] = "Me", ["AccessNotes"] = "Friendly dog", ["ContactPhone"] = phone }), "/repairs/report/appointment");
    }

    /// <summary>Reports a dripping kitchen tap up to the check-your-answers page; returns the chosen slot's label.</summary>
    public static async Task<string?> ToCheckPageAsync(HttpClient client, string description = "The hot tap drips all the time", byte[]? photo = null, bool bookFirstSlot = true)
    {
        await ToAppointmentPageAsync(client, description, photo);
        var slots = await client.GetDocumentAsync("/repairs/report/appointment");
        var first = slots.QuerySelector(".radio");
        string? label = null;
        var fields = new Dictionary<string, string>();
        if (first is not null && bookFirstSlot)
        {
            label = first.QuerySelector("label")!.TextContent.Trim();
            fields["Choice"] = first.QuerySelector("input")!.GetAttribute("value")!;
        }

        Expect(await client.SubmitFormAsync(slots, fields), "/repairs/report/check");
        return label;
    }

    public static void Expect(HttpResponseMessage response, string location)
    {
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Split('?')[0] != location)
        {
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            throw new Xunit.Sdk.XunitException($"Expected a redirect to {location} but got {(int)response.StatusCode} {response.Headers.Location}: {body[..Math.Min(body.Length, 3000)]}");
        }
    }
}
