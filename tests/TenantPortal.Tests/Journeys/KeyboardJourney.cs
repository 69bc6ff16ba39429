using Microsoft.Playwright;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Journeys;

public sealed partial class JourneyBrowserTests
{
    /// <summary>True when the focused element shows a focus indicator (outline or box-shadow).</summary>
    private const string FocusIsVisible = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return false;
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
          return outline || (s.boxShadow && s.boxShadow !== 'none');
        }
        """;

    [Fact]
    public async Task Tenant_reports_a_repair_with_the_keyboard_alone_and_always_sees_where_the_focus_is()
    {
        var app = await apps.ForAsync(javaScript: true);
        var page = await browser.NewPageAsync(baseUrl: app.BaseUrl);
        var keys = page.Keyboard;
        await page.GotoAsync("/account/sign-in");

        // The skip link is the first stop and takes the focus to the main content.
        await keys.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        Assert.True(await page.EvaluateAsync<bool>(FocusIsVisible), "The skip link shows no focus");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.getBoundingClientRect().left >= 0"), "The focused skip link is off screen");
        await keys.PressAsync("Enter");
        Assert.Equal("#main", await page.EvaluateAsync<string>("location.hash"));
        await TabToAsync(page, "e => e.id === 'Email'");
        Assert.True(await page.EvaluateAsync<bool>("!!document.activeElement.closest('main')"), "After the skip link, Tab goes into the main content");
        await keys.TypeAsync(DemoSeeder.TenantEmail);
        await TabToAsync(page, "e => e.id === 'Password'");
        await keys.TypeAsync(DemoSeeder.Password);
        await keys.PressAsync("Enter");
        await Journey.WaitForUrlAsync(page, url => url == $"{app.BaseUrl}/");

        await TabToAsync(page, "e => e.tagName === 'A' && e.textContent.trim() === 'Repairs'");
        await keys.PressAsync("Enter");
        await Journey.WaitForUrlAsync(page, url => url.EndsWith("/repairs", StringComparison.Ordinal));
        await TabToAsync(page, "e => e.tagName === 'A' && e.textContent.trim() === 'Report a repair'");
        await keys.PressAsync("Enter");
        await Journey.WaitForUrlAsync(page, url => url.EndsWith("/repairs/report", StringComparison.Ordinal));
        await TabToAsync(page, "e => e.tagName === 'BUTTON' && e.textContent.includes('start')");
        await keys.PressAsync("Enter");

        await Journey.WaitForUrlAsync(page, url => url.EndsWith("/repairs/report/where", StringComparison.Ordinal));
        foreach (var choice in new[] { "Bathroom", "Basin tap", "Dripping or leaking" })
        {
            var before = page.Url;
            await TabToAsync(page, "e => e.type === 'radio'");
            await ArrowToRadioAsync(page, choice);
            await TabToAsync(page, "e => e.tagName === 'BUTTON' && e.textContent.trim() === 'Continue'");
            await keys.PressAsync("Space");
            await Journey.WaitForUrlAsync(page, url => url != before);
        }

        await TabToAsync(page, "e => e.id === 'Description'");
        await keys.TypeAsync("The basin tap drips.");
        await TabToAsync(page, "e => e.tagName === 'BUTTON' && e.textContent.trim() === 'Continue'");
        await keys.PressAsync("Shift+Tab");
        Assert.Equal("Description", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.True(await page.EvaluateAsync<bool>(FocusIsVisible), "Shift+Tab back to the description shows no focus");
        await TabToAsync(page, "e => e.tagName === 'BUTTON' && e.textContent.trim() === 'Continue'");
        await keys.PressAsync("Enter");

        await Journey.WaitForUrlAsync(page, url => url.EndsWith("/repairs/report/photos", StringComparison.Ordinal));
        await TabToAsync(page, "e => e.tagName === 'BUTTON' && e.value === 'continue'");
        await keys.PressAsync("Enter");

        await Journey.WaitForUrlAsync(page, url => url.EndsWith("/repairs/report/access", StringComparison.Ordinal));
        await TabToAsync(page, "e => e.id === 'WhoWillBeHome'");
        await keys.TypeAsync("Me");
        await TabToAsync(page, "e => e.tagName === 'BUTTON' && e.textContent.trim() === 'Continue'");
        await keys.PressAsync("Enter");

        await Journey.WaitForUrlAsync(page, url => url.EndsWith("/repairs/report/appointment", StringComparison.Ordinal));
        await TabToAsync(page, "e => e.type === 'radio'");
        await keys.PressAsync("ArrowDown");
        await keys.PressAsync("ArrowDown");
        var slot = await page.EvaluateAsync<string>("document.querySelector('label[for=\"' + document.activeElement.id + '\"]').textContent.trim()");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.checked"), "Arrow keys choose the slot");
        await TabToAsync(page, "e => e.tagName === 'BUTTON' && e.textContent.trim() === 'Continue'");
        await keys.PressAsync("Enter");

        await Journey.WaitForUrlAsync(page, url => url.EndsWith("/repairs/report/check", StringComparison.Ordinal));
        await TabToAsync(page, "e => e.tagName === 'BUTTON' && e.textContent.trim() === 'Report the repair'");
        await keys.PressAsync("Enter");
        await Journey.WaitForUrlAsync(page, url => url.Contains("/repairs/report/confirmation/", StringComparison.Ordinal));
        Assert.Equal("Repair reported", (await page.Locator(".panel h1").TextContentAsync())!.Trim());
        Assert.Contains(slot, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Basin tap", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="predicate"/> (a JS function of the
    /// element), checking at every stop that the focus can be seen.</summary>
    private static async Task TabToAsync(IPage page, string predicate)
    {
        // Ask the document itself: Playwright's own "load" event can be missed after a keyboard-started
        // navigation that redirects (seen once in CI: network idle, yet the wait for "load" timed out).
        await page.WaitForFunctionAsync("document.readyState === 'complete'");
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("document.activeElement.outerHTML.slice(0, 120)");
            Assert.True(await page.EvaluateAsync<bool>(FocusIsVisible), $"No visible focus on {focused} at {page.Url}");
            if (await page.EvaluateAsync<bool>($"({predicate})(document.activeElement)"))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached {predicate} on {page.Url}");
    }

    /// <summary>With a radio focused, presses the down arrow until the radio labelled <paramref name="label"/> is
    /// chosen.</summary>
    private static async Task ArrowToRadioAsync(IPage page, string label)
    {
        const string current = "document.querySelector('label[for=\"' + document.activeElement.id + '\"]').textContent.trim()";
        for (var i = 0; i < 40; i++)
        {
            if ((await page.EvaluateAsync<string>(current)).StartsWith(label, StringComparison.Ordinal))
            {
                if (!await page.EvaluateAsync<bool>("document.activeElement.checked"))
                {
                    await page.Keyboard.PressAsync("Space");
                }

                Assert.True(await page.EvaluateAsync<bool>("document.activeElement.checked"), $"'{label}' is focused but not chosen");
                Assert.True(await page.EvaluateAsync<bool>(FocusIsVisible), $"No visible focus on the '{label}' radio");
                return;
            }

            await page.Keyboard.PressAsync("ArrowDown");
        }

        throw new Xunit.Sdk.XunitException($"No radio labelled '{label}' on {page.Url}");
    }
}
