using System.Net;
using AngleSharp.Html.Parser;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Deployment;

/// <summary>Taking an instance out of service (SIGTERM) lets the request it is serving finish before it exits (on a
/// SQLite file here, on PostgreSQL in <see cref="PostgresGracefulShutdownTests"/>).</summary>
[Trait("Category", "Browser")]
public class GracefulShutdownTests
{
    [Fact]
    public async Task A_request_in_flight_when_the_instance_is_told_to_stop_still_gets_its_answer()
    {
        await using var app = await StartAsync();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        var signIn = await http.GetStringAsync(new Uri($"{app.BaseUrl}/account/sign-in"));
        var token = new HtmlParser().ParseDocument(signIn).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = DemoSeeder.TenantEmail,
            ["Password"] = DemoSeeder.Password,
        });

        Task<HttpResponseMessage> inFlight;
        await using (await LockAsync(app))
        {
            // A sign-in has to write (the session is recorded on the server), so it waits on the lock: a slow request in flight.
            inFlight = http.PostAsync(new Uri($"{app.BaseUrl}/account/sign-in"), form);
            await Task.Delay(TimeSpan.FromSeconds(2));
            app.RequestStop();
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(inFlight.IsCompleted, "The request should still be waiting on the database");
        }

        var response = await inFlight;
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-TenantPortal=", StringComparison.Ordinal));
        Assert.Equal(0, exitCode);
        Assert.Contains("Application is shutting down", app.Output, StringComparison.Ordinal);
    }

    protected virtual Task<AppServer> StartAsync() => AppServer.StartAsync();

    /// <summary>Holds the database's write lock, so a request that writes waits: a slow request in flight.</summary>
    protected virtual Task<DatabaseLock> LockAsync(AppServer app) => DatabaseLock.TakeAsync(app.DatabasePath);
}

/// <summary>The same on a real PostgreSQL server: the sign-in's write waits on the locked tables.</summary>
[Trait("Category", "Browser")]
public sealed class PostgresGracefulShutdownTests : GracefulShutdownTests, IAsyncLifetime
{
    private string connectionString = null!;

    public async Task InitializeAsync() => connectionString = await PostgresServer.CreateDemoDatabaseAsync();

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(connectionString);

    protected override Task<AppServer> StartAsync() => AppServer.StartAsync(new Dictionary<string, string>
    {
        ["Database__Provider"] = "PostgreSql",
        ["ConnectionStrings__Housing"] = connectionString,
        ["ConnectionStrings__Portal"] = connectionString,
    });

    protected override Task<DatabaseLock> LockAsync(AppServer app) => DatabaseLock.TakePostgresAsync(connectionString);
}
