using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>A PostgreSQL cluster of the test run's own: initdb into a temp folder, started on a free loopback port the
/// first time a test asks for it, stopped when the test process ends. Needs Debian's postgresql package (test.sh and
/// .ci/run install it). A demo database is migrated and seeded once through the real app; each test app gets a copy
/// (CREATE DATABASE … TEMPLATE), dropped when it is disposed.</summary>
public static class PostgresServer
{
    private const string User = "portal";
    private const string TemplateDatabase = "tenantportal_template";

    private static readonly Lazy<Cluster> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Template = new(BuildTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly SemaphoreSlim Copying = new(1, 1);

    /// <summary>The settings that put a test app on PostgreSQL (PortalAppFactory gives it a database of its own).</summary>
    public static IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSql" };

    public static bool IsPostgres(IDictionary<string, string?>? settings) =>
        settings is not null && settings.TryGetValue("Database:Provider", out var provider) && string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase);

    public static string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Started.Value.Port,
        Username = User,
        Database = database,
        // Many apps and parallel scopes share one small cluster; a short idle lifetime hands connections back.
        MaxPoolSize = 50,
        ConnectionIdleLifetime = 10,
    }.ConnectionString;

    /// <summary>A new database holding the seeded demo data, for one test app (or two app processes).</summary>
    public static async Task<string> CreateDemoDatabaseAsync()
    {
        var template = Template.Value;
        var name = $"tp_{Guid.NewGuid():N}";
        await Copying.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            Copying.Release();
        }

        return ConnectionString(name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string BuildTemplate()
    {
        ExecuteAsync($"CREATE DATABASE \"{TemplateDatabase}\"").GetAwaiter().GetResult();
        var connectionString = ConnectionString(TemplateDatabase);
        var folder = Directory.CreateTempSubdirectory("tenantportal-pg-template-").FullName;
        using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Database:Provider", "PostgreSql");
            b.UseSetting("ConnectionStrings:Housing", connectionString);
            b.UseSetting("ConnectionStrings:Portal", connectionString);
            b.UseSetting("Email:PickupDirectory", Path.Combine(folder, "emails"));
            b.UseSetting("Logging:FileFolder", Path.Combine(folder, "logs"));
            b.UseSetting("DemoData:Seed", "true");
            b.UseSetting(TenantPortal.Web.Infrastructure.Clock.ClockSettings.StartKey, TestClock.StartSetting);
        }))
        {
            using var client = factory.CreateClient();
            client.GetAsync(new Uri("/health/live", UriKind.Relative)).GetAwaiter().GetResult().EnsureSuccessStatusCode();
        }

        // A template can only be copied while nobody is connected to it.
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return TemplateDatabase;
    }

    private static Cluster Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed: run ./test.sh (it installs Debian's postgresql package) or apt-get install -y postgresql.");
        }

        var folder = Directory.CreateTempSubdirectory("tenantportal-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to Debian's postgres user.
            Run("chown", "postgres", folder);
        }

        var port = FreePort();
        Run(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        Run(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "start");
        var cluster = new Cluster(bin, folder, data, port, asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private static void Run(bool asPostgresUser, string program, params string[] args)
    {
        if (asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. args]);
        }
        else
        {
            Run(program, args);
        }
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

        // tests/anytime.sh moves the test host's clock with libfaketime; the database server keeps the real clock (its
        // lock timeouts are timers that break under a moved clock), as a real server would.
        start.Environment.Remove("LD_PRELOAD");
        start.Environment.Remove("FAKETIME");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Cluster(string Bin, string Folder, string Data, int Port, bool AsRoot)
    {
        public void Stop()
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                Run(AsRoot, Path.Combine(Bin, "pg_ctl"), "-D", Data, "-m", "immediate", "-w", "stop");
                Directory.Delete(Folder, recursive: true);
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the temp folder is cleaned by the OS.
            }
            catch (IOException)
            {
            }
        }
    }
}
