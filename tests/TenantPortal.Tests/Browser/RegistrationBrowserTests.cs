using Microsoft.Playwright;
using TenantPortal.Tests.Accounts;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RegistrationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_tenant_registers_on_a_phone_confirms_their_email_signs_in_and_signs_out()
    {
        // Its own app and database, so registering DEMO-0002 leaves the shared app's data alone.
        await using var app = await AppServer.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 667 },
            BaseURL = app.BaseUrl,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            // AppServer listens on plain http on loopback; the app trusts X-Forwarded-Proto from loopback (as behind a
            // TLS-terminating proxy), so its Secure / __Host- cookies and antiforgery work as they do in production.
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        const string email = "grace.browser@example.org";
        const string password = "sunny allotment teapot";

        var first = await page.GotoAsync("/account/register");
        Assert.True(first!.Ok, $"{first.Status}: {await page.ContentAsync()}\n{app.Output}");
        await page.GetByLabel("Tenancy reference").FillAsync("DEMO-0002");
        await page.GetByLabel("Surname").FillAsync("Okafor");
        await page.GetByLabel("Day").FillAsync("14");
        await page.GetByLabel("Month").FillAsync("03");
        await page.GetByLabel("Year").FillAsync("1985");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Create a password").FillAsync(password);
        await page.GetByLabel("Enter the password again").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        Assert.Equal("Check your email", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.True(await FitsTheScreenAsync(page));

        var message = await Mailbox.WaitForEmailAsync(app.EmailFolder, email, "Confirm your email address");
        await page.GotoAsync(Mailbox.Link(message, "/account/confirm-email").PathAndQuery);
        Assert.Equal("Email address confirmed", (await page.Locator("h1").TextContentAsync())?.Trim());

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync($"{app.BaseUrl}/");
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).IsVisibleAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync($"{app.BaseUrl}/");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync());
        await context.CloseAsync();
    }

    private static async Task<bool> FitsTheScreenAsync(IPage page) =>
        await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= await page.EvaluateAsync<int>("document.documentElement.clientWidth");
}
