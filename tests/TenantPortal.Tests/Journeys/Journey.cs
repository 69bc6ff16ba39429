using Microsoft.Playwright;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Journeys;

/// <summary>Steps every journey test takes: sign in, check each page (axe-core WCAG 2.2 A/AA and no sideways
/// scrolling), and submit a form empty once to check its error state too. Works with JavaScript on or off.</summary>
public static class Journey
{
    public const int PhoneWidth = 375;
    public const int PhoneHeight = 667;
    public const int DesktopWidth = 1280;
    public const int DesktopHeight = 800;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, object> WithoutJavaScript = [];

    /// <summary>A fresh browser context and page on <paramref name="app"/>, phone-sized unless told otherwise.</summary>
    public static async Task<IPage> OpenAsync(BrowserFixture browser, AppServer app, bool javaScript, int width = PhoneWidth, int height = PhoneHeight)
    {
        var page = await browser.NewPageAsync(width, height, javaScript, app.BaseUrl);
        if (!javaScript)
        {
            WithoutJavaScript.Add(page, new object());
        }

        return page;
    }

    /// <summary>axe-core and no horizontal scrolling on the page as it is now. Both run script in the page, which a
    /// browser with JavaScript off never finishes, so those pages are checked in the same journey with JavaScript on
    /// (the server sends the same HTML either way).</summary>
    public static async Task CheckPageAsync(IPage page)
    {
        if (WithoutJavaScript.TryGetValue(page, out _))
        {
            Assert.True(await page.Locator("main h1").CountAsync() > 0, $"{page.Url} has no heading");
            return;
        }

        await Accessibility.AssertNoViolationsAsync(page);
        var fits = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        Assert.True(fits, $"{page.Url} scrolls sideways");
    }

    /// <summary>Presses <paramref name="button"/> with the form as it is (empty), expects the error summary with a link
    /// to a field, and checks the error page.</summary>
    public static async Task CheckErrorStateAsync(IPage page, string button)
    {
        await ClickButtonAsync(page, button);
        var summary = page.Locator(".error-summary");
        Assert.True(await summary.IsVisibleAsync(), $"No error summary on {page.Url} after an empty '{button}'");
        Assert.True(await summary.Locator("a[href^='#']").CountAsync() > 0, $"The error summary on {page.Url} links to no field");
        await CheckPageAsync(page);
    }

    /// <summary>Waits for the address to match (Playwright's WaitForURLAsync can miss the load state with JavaScript
    /// off). Each step's click already waits for the navigation it starts; this only covers redirects after it.</summary>
    public static async Task WaitForUrlAsync(IPage page, Func<string, bool> matches)
    {
        for (var i = 0; i < 300 && !matches(page.Url); i++)
        {
            await Task.Delay(100);
        }

        if (!matches(page.Url))
        {
            // Say what the page said (an error summary, a heading), so a failure on a slow machine can be read.
            string said;
            try
            {
                said = await page.EvaluateAsync<string>("(document.querySelector('.error-summary')?.innerText ?? '') + ' | ' + (document.querySelector('h1')?.innerText ?? '')");
            }
            catch (PlaywrightException e)
            {
                said = e.Message;
            }

            Assert.Fail($"Unexpected address {page.Url}: {said}");
        }
    }

    public static Task ClickButtonAsync(IPage page, string name) =>
        page.Locator("main").GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    public static Task ClickLinkAsync(IPage page, string name) =>
        page.Locator("main").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();

    public static async Task<string> HeadingAsync(IPage page) => (await page.Locator("h1").First.TextContentAsync())?.Trim() ?? "";

    /// <summary>Signs in (checking the sign-in page), and for staff enters the authenticator code (checking that page
    /// and its error state).</summary>
    public static async Task SignInAsync(IPage page, string email, string? authenticatorKey = null, bool check = true, string password = DemoSeeder.Password)
    {
        await page.GotoAsync("/account/sign-in");
        if (check)
        {
            await CheckPageAsync(page);
        }

        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await ClickButtonAsync(page, "Sign in");
        if (authenticatorKey is not null)
        {
            await WaitForUrlAsync(page, url => url.Contains("/account/sign-in/code", StringComparison.Ordinal));
            if (check)
            {
                await CheckPageAsync(page);
                await CheckErrorStateAsync(page, "Continue");
            }

            AppServer.ForgetUsedAuthenticatorCodes(page.Url);
            await page.FillAsync("#Code", Totp.Code(authenticatorKey));
            await ClickButtonAsync(page, "Continue");
        }

        await WaitForUrlAsync(page, url => !url.Contains("/account/", StringComparison.Ordinal));
    }

    public static Task SignInAsTenantAsync(IPage page, bool check = false) => SignInAsync(page, DemoSeeder.TenantEmail, null, check);
}

/// <summary>Apps of the journey tests' own (one per JavaScript setting, started when first asked for), over copies of
/// the demo database: journeys that change the demo tenancy's data run here, never on the shared browser app. Each
/// journey uses records no other journey touches, so their order does not matter.</summary>
public sealed class JourneyApps : IAsyncLifetime
{
    private readonly Dictionary<bool, AppServer> apps = [];
    private readonly List<string> folders = [];

    public async Task<AppServer> ForAsync(bool javaScript)
    {
        // The browser collection runs its tests one at a time, so no lock is needed.
        if (!apps.TryGetValue(javaScript, out var app))
        {
            var folder = Directory.CreateTempSubdirectory("tenantportal-journeys-").FullName;
            folders.Add(folder);
            app = await AppServer.StartAsync(new Dictionary<string, string>
            {
                ["Repairs__PhotoFolder"] = Path.Combine(folder, "photos"),
            });
            apps[javaScript] = app;
        }

        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in apps.Values)
        {
            await app.DisposeAsync();
        }

        foreach (var folder in folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
