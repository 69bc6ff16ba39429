using Microsoft.Playwright;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>One Debian Chromium and one app process shared by the browser tests in a collection. Never downloads a
/// browser: CHROMIUM_PATH or /usr/bin/chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public AppServer App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await AppServer.StartAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh, signed-out browser at phone size (375x667) unless told otherwise, on the shared app unless
    /// <paramref name="baseUrl"/> points at an app of the test's own.</summary>
    public async Task<IPage> NewPageAsync(int width = 375, int height = 667, bool javaScript = true, string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = baseUrl ?? App.BaseUrl,
            JavaScriptEnabled = javaScript,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
