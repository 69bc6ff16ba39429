using System.Runtime.CompilerServices;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>Settings for every app this test process starts, in-process or as a child process.</summary>
internal static class TestProcessSettings
{
    /// <summary>Each app host would watch its appsettings files (and its web root) for changes with inotify instances
    /// of its own; a suite starts dozens, and Linux allows 128 per user by default (shared with everything else the
    /// user runs), so the apps read their settings once and poll the web root.</summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Must run before any test starts an app.")]
    internal static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

        // The same for the web root: asp-append-version watches the file it hashes, and each host's watcher took an
        // inotify instance; a full run reached the 128 and every page then failed with a 500. Polling watches without one.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
