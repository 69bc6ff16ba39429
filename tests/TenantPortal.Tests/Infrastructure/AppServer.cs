using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>The built app in its own process on a loopback port, as a user's browser would reach it: real Kestrel,
/// its own copy of the demo database, emails written to a folder the test can read.</summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Databases = new();
    private readonly string database;

    private AppServer(Process process, string baseUrl, string folder, string database)
    {
        this.process = process;
        BaseUrl = baseUrl;
        Folder = folder;
        this.database = database;
        Databases[baseUrl] = database;
    }

    public string BaseUrl { get; }
    public string Folder { get; }
    public string EmailFolder => Path.Combine(Folder, "emails");
    public string TextFolder => Path.Combine(Folder, "texts");
    public string DatabasePath => Path.Combine(Folder, "tenantportal.db");
    public string Output { get { lock (output) { return output.ToString(); } } }

    /// <summary>Starts the app in its own process on <paramref name="port"/> (a free one unless given: a test that stops
    /// an app and starts another in its place passes the first one's, so an open page's forms reach the new one).</summary>
    public static async Task<AppServer> StartAsync(IDictionary<string, string>? environment = null, string? databasePath = null, int? port = null)
    {
        var folder = Directory.CreateTempSubdirectory("tenantportal-app-").FullName;
        var database = databasePath ?? Path.Combine(folder, "tenantportal.db");
        if (databasePath is null)
        {
            File.Copy(DemoDatabaseTemplate.Path, database);
        }

        var baseUrl = $"http://127.0.0.1:{port ?? FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { RepositoryPaths.WebAssembly, "--urls", baseUrl, "--contentRoot", RepositoryPaths.WebProject })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Housing"] = $"Data Source={database}";
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={database}";
        start.Environment["Email__PickupDirectory"] = Path.Combine(folder, "emails");
        start.Environment["Texts__Directory"] = Path.Combine(folder, "texts");
        start.Environment["Logging__FileFolder"] = Path.Combine(folder, "logs");
        start.Environment["RateLimiting__AuthPermitsPerMinute"] = "1000";
        start.Environment["Clock__Start"] = TestClock.StartSetting;
        start.Environment["Accounts__PublicBaseUrl"] = baseUrl;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        if (start.Environment["ASPNETCORE_ENVIRONMENT"] != "Development")
        {
            // Production refuses a start time for the clock; such a process runs on the system clock.
            start.Environment.Remove("Clock__Start");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app");
        var server = new AppServer(process, baseUrl, folder, database);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilLiveAsync();
        return server;
    }

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilLiveAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                var response = await http.GetAsync(new Uri($"{BaseUrl}/health/live"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not start:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Forgets the authenticator codes already used on this app (see <see cref="Totp.ForgetUsedCodes"/>).</summary>
    public void ForgetUsedAuthenticatorCodes() => Totp.ForgetUsedCodes(database);

    /// <summary>The same for whichever app serves <paramref name="url"/> (a browser page's address).</summary>
    public static void ForgetUsedAuthenticatorCodes(string url)
    {
        foreach (var (baseUrl, path) in Databases)
        {
            if (url.StartsWith(baseUrl, StringComparison.Ordinal))
            {
                Totp.ForgetUsedCodes(path);
            }
        }
    }

    /// <summary>Sends SIGTERM, as a container platform or systemd does when taking an instance out of service.</summary>
    public void RequestStop()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>The exit code once the process has stopped by itself.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Databases.TryRemove(BaseUrl, out _);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
