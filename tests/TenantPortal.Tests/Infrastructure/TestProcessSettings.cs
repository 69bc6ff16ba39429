using System.Runtime.CompilerServices;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>Settings for every app this test process starts, in-process or as a child process.</summary>
internal static class TestProcessSettings
{
    /// <summary>Each app host would watch its appsettings files for changes with an inotify instance of its own; a
    /// suite starts dozens, and Linux allows 128 per user by default (shared with everything else the user runs), so
    /// the apps read their settings once.</summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Must run before any test starts an app.")]
    internal static void Apply() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
