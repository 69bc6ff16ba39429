using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>The real app over a real SQLite file of its own, seeded with the demo data. The demo database is built
/// once per test run and copied for each factory, so every test class starts from the same known state.</summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly Action<IServiceCollection>? configureServices;
    private readonly Dictionary<string, string?> settings;

    public PortalAppFactory(Action<IServiceCollection>? configureServices = null, IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        this.configureServices = configureServices;
        Environment = environment;
        Folder = Directory.CreateTempSubdirectory("tenantportal-test-").FullName;
        DatabasePath = Path.Combine(Folder, "tenantportal.db");
        string database;
        if (PostgresServer.IsPostgres(settings))
        {
            // Settings with Database:Provider PostgreSql: a copy of the demo database on the test run's cluster.
            PostgresConnectionString = PostgresServer.CreateDemoDatabaseAsync().GetAwaiter().GetResult();
            database = PostgresConnectionString;
        }
        else
        {
            File.Copy(DemoDatabaseTemplate.Path, DatabasePath);
            database = $"Data Source={DatabasePath}";
        }

        this.settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Housing"] = database,
            ["ConnectionStrings:Portal"] = database,
            ["Email:PickupDirectory"] = EmailFolder,
            ["Texts:Directory"] = TextFolder,
            ["Logging:FileFolder"] = Path.Combine(Folder, "logs"),
            ["DemoData:Seed"] = "true",
            ["RateLimiting:AuthPermitsPerMinute"] = "1000",
            ["Accounts:PublicBaseUrl"] = "https://localhost",
        };
        if (environment == "Development")
        {
            // Production refuses a start time for the clock; Production tests run on the system clock.
            this.settings[TenantPortal.Web.Infrastructure.Clock.ClockSettings.StartKey] = TestClock.StartSetting;
        }

        if (settings is not null)
        {
            foreach (var (key, value) in settings)
            {
                this.settings[key] = value;
            }
        }
    }

    public string Environment { get; }
    public string Folder { get; }
    public string DatabasePath { get; }
    public string EmailFolder => Path.Combine(Folder, "emails");
    public string TextFolder => Path.Combine(Folder, "texts");
    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>The app's PostgreSQL database when the settings chose that provider (null on SQLite).</summary>
    public string? PostgresConnectionString { get; }

    /// <summary>Forgets the authenticator codes already used on this app's database (see <see cref="Totp.ForgetUsedCodes"/>).</summary>
    public void ForgetUsedAuthenticatorCodes()
    {
        if (PostgresConnectionString is null)
        {
            Totp.ForgetUsedCodes(DatabasePath);
            return;
        }

        using var scope = Services.CreateScope();
        var portal = scope.ServiceProvider.GetRequiredService<TenantPortal.Web.Data.Portal.PortalDbContext>();
        portal.UserTokens.Where(t => t.LoginProvider == TenantPortal.Web.Features.Account.SingleUseAuthenticatorTokenProvider.LoginProvider
            && t.Name == TenantPortal.Web.Features.Account.SingleUseAuthenticatorTokenProvider.LastStepName).ExecuteDelete();
    }

    /// <summary>The app's "now" (UTC), for rows a test writes beside the app's.</summary>
    public DateTime UtcNow => TestClock.UtcNow(Services);

    /// <summary>The app's UK "today".</summary>
    public DateOnly Today => UkTime.DateOf(UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => configureServices?.Invoke(services));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, PortalAppFactory> Owners = new();

    /// <summary>The factory that made <paramref name="client"/> (null for clients made elsewhere).</summary>
    public static PortalAppFactory? Of(HttpClient client) => Owners.TryGetValue(client, out var factory) ? factory : null;

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        Owners.AddOrUpdate(client, this);
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them), uses https so
    /// the __Host- cookies are sent.</summary>
    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (PostgresConnectionString is not null)
        {
            PostgresServer.DropDatabaseAsync(PostgresConnectionString).GetAwaiter().GetResult();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
        }
    }
}
