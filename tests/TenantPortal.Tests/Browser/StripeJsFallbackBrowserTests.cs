using Microsoft.Playwright;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Rent;

namespace TenantPortal.Tests.Browser;

/// <summary>Issue 18, finding 5: with JavaScript on but Stripe.js blocked or never showing its form, the tenant is
/// offered Stripe's hosted page instead of "Loading…" for ever. Chromium loads the real pages from the in-process app
/// (Stripe faked underneath); requests to Stripe's servers are blocked or stubbed.</summary>
[Trait("Category", "Browser")]
public sealed class StripeJsFallbackBrowserTests(StripeAppFixture app) : IClassFixture<StripeAppFixture>, IAsyncLifetime
{
    private const string Origin = "https://portal.test";
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = BrowserFixture.ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>A page whose requests to the portal go to the in-process app through the signed-in client.</summary>
    private async Task<IPage> PageAsync(HttpClient client, Func<IRoute, Task> stripeJs)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 667 } });
        var page = await context.NewPageAsync();
        await page.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Host == "js.stripe.com")
            {
                await stripeJs(route);
                return;
            }

            if (url.Host == "checkout.stripe.com")
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "<h1>Stripe hosted checkout</h1>" });
                return;
            }

            if (url.GetLeftPart(UriPartial.Authority) != Origin)
            {
                await route.AbortAsync();
                return;
            }

            using var request = new HttpRequestMessage(new HttpMethod(route.Request.Method), new Uri(url.PathAndQuery, UriKind.Relative));
            if (route.Request.PostDataBuffer is { } body)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", route.Request.Headers.GetValueOrDefault("content-type", "application/x-www-form-urlencoded"));
            }

            using var response = await client.SendAsync(request);
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => h.Key == "Location" && response.Headers.Location is { IsAbsoluteUri: false } location ? Origin + location.OriginalString : string.Join(", ", h.Value));
            await route.FulfillAsync(new RouteFulfillOptions { Status = (int)response.StatusCode, Headers = headers, BodyBytes = await response.Content.ReadAsByteArrayAsync() });
        });
        return page;
    }

    private async Task<(HttpClient Client, Guid Attempt)> AttemptAsync()
    {
        var (client, _) = await app.SignedInTenantAsync();
        return (client, await PayJourney.ChooseAmountAsync(client, "18.00"));
    }

    [Fact]
    public async Task Stripe_js_blocked_offers_the_hosted_page_and_it_takes_the_tenant_to_stripe()
    {
        var (client, attempt) = await AttemptAsync();
        var page = await PageAsync(client, route => route.AbortAsync());

        await page.GotoAsync($"{Origin}/rent/pay/check?attempt={attempt}");
        await page.ClickAsync("button:has-text('Pay £18.00')");
        var fallback = page.Locator("[data-checkout-fallback]");
        await fallback.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 5000 });
        await page.ClickAsync("button:has-text(\"Pay on Stripe's payment page\")");
        await page.WaitForURLAsync("https://checkout.stripe.com/**");

        Assert.Equal("Stripe hosted checkout", await page.TextContentAsync("h1"));
        var stored = await RentDb.AttemptAsync(app.Factory, attempt);
        Assert.Equal("hosted", stored.CheckoutUiMode);
        Assert.Equal(2, app.Stripe.Requests.Count(r => r.Method == "POST" && r.Path == "/v1/checkout/sessions" && r.Form.GetValueOrDefault("client_reference_id") == attempt.ToString()));
    }

    [Fact]
    public async Task Stripe_js_that_loads_but_never_shows_the_form_offers_the_hosted_page_after_a_short_wait()
    {
        var (client, attempt) = await AttemptAsync();
        // Stripe.js "loads" but its form never appears (frames blocked, a hung network).
        const string stub = "window.Stripe = function () { return { initEmbeddedCheckout: function () { return new Promise(function () {}); } }; };";
        var page = await PageAsync(client, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/javascript", Body = stub }));

        await page.GotoAsync($"{Origin}/rent/pay/check?attempt={attempt}");
        await page.ClickAsync("button:has-text('Pay £18.00')");
        var hiddenAtFirst = await page.Locator("[data-checkout-fallback]").IsHiddenAsync();
        await page.Locator("[data-checkout-fallback]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15000 });

        Assert.True(hiddenAtFirst);
        Assert.Contains("did not load", await page.TextContentAsync("[data-checkout-loading]"), StringComparison.Ordinal);
    }
}
