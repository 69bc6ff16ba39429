using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TenantPortal.Tests.Accounts;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Journeys;

/// <summary>Every journey on a phone (tenants) or a desktop (officers), with JavaScript on and off, axe-core on every
/// page it visits and on each form's error state. Journeys that change data run on an app of their own
/// (<see cref="JourneyApps"/>), so the shared browser app's demo tenant is left as it was.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class JourneyBrowserTests(BrowserFixture browser, JourneyApps apps) : IClassFixture<JourneyApps>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tenant_registers_confirms_their_email_signs_in_and_signs_out(bool javaScript)
    {
        var app = await apps.ForAsync(javaScript);
        var page = await Journey.OpenAsync(browser, app, javaScript);
        var email = $"grace.{(javaScript ? "js" : "nojs")}@example.org";
        const string password = "sunny allotment teapot";

        await page.GotoAsync("/account/register");
        await Journey.CheckPageAsync(page);
        await Journey.CheckErrorStateAsync(page, "Continue");
        await page.FillAsync("#Reference", DemoData.SecondTenancyReference);
        await page.FillAsync("#Surname", DemoData.SecondTenantLastName);
        await page.FillAsync("#DateOfBirthDay", "14");
        await page.FillAsync("#DateOfBirthMonth", "03");
        await page.FillAsync("#DateOfBirthYear", "1985");
        await Journey.ClickButtonAsync(page, "Continue");

        await Journey.CheckPageAsync(page);
        await Journey.CheckErrorStateAsync(page, "Create account");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.FillAsync("#ConfirmPassword", password);
        await Journey.ClickButtonAsync(page, "Create account");
        Assert.Equal("Check your email", await Journey.HeadingAsync(page));
        await Journey.CheckPageAsync(page);

        var message = await Mailbox.WaitForEmailAsync(app.EmailFolder, email, "Confirm your email address");
        await page.GotoAsync(Mailbox.Link(message, "/account/confirm-email").PathAndQuery);
        Assert.Equal("Email address confirmed", await Journey.HeadingAsync(page));
        await Journey.CheckPageAsync(page);

        // The page says what to do next, one tap away.
        await Journey.ClickLinkAsync(page, "Sign in to your account");
        await Journey.WaitForUrlAsync(page, url => url.StartsWith($"{app.BaseUrl}/account/sign-in", StringComparison.Ordinal));
        await Journey.SignInAsync(page, email, password: password);
        Assert.Equal($"Hello, {DemoData.SecondTenantFullName}", await Journey.HeadingAsync(page));
        await Journey.CheckPageAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Journey.WaitForUrlAsync(page, url => url == $"{app.BaseUrl}/");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tenant_pays_rent_with_the_test_gateway_and_sees_the_receipt_and_statement(bool javaScript)
    {
        var app = await apps.ForAsync(javaScript);
        var page = await Journey.OpenAsync(browser, app, javaScript);
        await Journey.SignInAsTenantAsync(page);

        await page.GotoAsync("/rent");
        await Journey.CheckPageAsync(page);
        var owed = Pounds(await page.Locator("#balance").TextContentAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Pay rent" }).First.ClickAsync();
        await Journey.CheckPageAsync(page);
        await page.FillAsync("#Form_Amount", "");
        await Journey.CheckErrorStateAsync(page, "Continue");
        await page.FillAsync("#Form_Amount", "10.00");
        await Journey.ClickButtonAsync(page, "Continue");
        Assert.Equal("£10.00", (await page.Locator("#amount").TextContentAsync())?.Trim());
        await Journey.CheckPageAsync(page);
        await Journey.ClickButtonAsync(page, "Pay £10.00");
        await Journey.CheckPageAsync(page);
        await Journey.ClickButtonAsync(page, "Payment succeeds");

        await Journey.WaitForUrlAsync(page, url => url.Contains("/rent/pay/complete", StringComparison.Ordinal));
        Assert.Equal("Payment received", await Journey.HeadingAsync(page));
        Assert.Equal("£10.00", (await page.Locator("#paid-amount").TextContentAsync())?.Trim());
        // The receipt goes the way the tenant asked (another journey on this app may have switched them to texts),
        // and the page says which.
        var byText = (await page.Locator("main").TextContentAsync() ?? "").Contains("receipt by text message", StringComparison.Ordinal);
        await Journey.CheckPageAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "See your rent statement" }).ClickAsync();
        await Journey.CheckPageAsync(page);
        var firstRow = page.Locator("table.statement tbody tr").First;
        Assert.Equal("Payment online, thank you", (await firstRow.Locator("td").Nth(1).TextContentAsync())?.Trim());
        Assert.Equal("£10.00", (await firstRow.Locator("td").Nth(3).TextContentAsync())?.Trim());
        await page.GotoAsync("/rent");
        Assert.Equal(owed - 10m, Pounds(await page.Locator("#balance").TextContentAsync()));
        await page.Context.CloseAsync();
        if (byText)
        {
            await WaitForTextAsync(app, "£10.00");
        }
        else
        {
            await Mailbox.WaitForEmailAsync(app.EmailFolder, DemoSeeder.TenantEmail, "payment");
        }
    }

    private static async Task WaitForTextAsync(AppServer app, string containing)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(250))
        {
            if (Directory.Exists(app.TextFolder) && Directory.GetFiles(app.TextFolder, "*.txt").Any(f => File.ReadAllText(f).Contains(containing, StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No text containing '{containing}' arrived in {app.TextFolder}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tenant_reports_a_repair_with_a_photo_and_a_slot_then_changes_adds_to_and_cancels_the_appointment(bool javaScript)
    {
        var app = await apps.ForAsync(javaScript);
        var page = await Journey.OpenAsync(browser, app, javaScript);
        var photo = Path.Combine(app.Folder, $"tap-{javaScript}.png");
        await File.WriteAllBytesAsync(photo, TestImages.Png());
        await Journey.SignInAsTenantAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Repairs", Exact = true }).First.ClickAsync();
        await Journey.CheckPageAsync(page);
        await Journey.ClickLinkAsync(page, "Report a repair");
        await Journey.CheckPageAsync(page);
        await Journey.ClickButtonAsync(page, "It's not an emergency: start");
        await Journey.CheckErrorStateAsync(page, "Continue");
        foreach (var label in new[] { "Kitchen", "Tap", "Dripping or leaking" })
        {
            await Journey.CheckPageAsync(page);
            await page.GetByLabel(label, new() { Exact = true }).CheckAsync();
            await Journey.ClickButtonAsync(page, "Continue");
        }

        await Journey.CheckPageAsync(page);
        await Journey.CheckErrorStateAsync(page, "Continue");
        await page.FillAsync("#Description", "The kitchen tap drips all day and night.");
        if (javaScript)
        {
            // The character count counts down as the tenant types (40 characters typed of 1,000).
            await Assertions.Expect(page.Locator(".character-count__status")).ToHaveTextAsync("You have 960 characters remaining");
        }

        await Journey.ClickButtonAsync(page, "Continue");
        await Journey.CheckPageAsync(page);
        await page.SetInputFilesAsync("#upload", photo);
        await Journey.ClickButtonAsync(page, "Add photo");
        Assert.Equal(1, await page.Locator(".photo-list img").CountAsync());
        await Journey.CheckPageAsync(page);
        await Journey.ClickButtonAsync(page, "Continue");
        await Journey.CheckPageAsync(page);
        Assert.False(string.IsNullOrEmpty(await page.InputValueAsync("#ContactPhone")), "The phone number is prefilled");
        await Journey.CheckErrorStateAsync(page, "Continue");
        await page.FillAsync("#WhoWillBeHome", "Me");
        await Journey.ClickButtonAsync(page, "Continue");
        await Journey.CheckPageAsync(page);
        var slots = page.Locator(".radio input[type=radio]:not([value=none])");
        Assert.True(await slots.CountAsync() > 1, "Slots are offered for a routine job");
        // A slot a few days ahead, so it can still be changed after 6pm today.
        var chosen = slots.Nth(Math.Min(4, await slots.CountAsync() - 1));
        var booked = (await page.Locator($"label[for='{await chosen.GetAttributeAsync("id")}']").TextContentAsync())!.Trim();
        await chosen.CheckAsync();
        await Journey.ClickButtonAsync(page, "Continue");
        Assert.Equal("Check your answers before reporting your repair", await Journey.HeadingAsync(page));
        await Journey.CheckPageAsync(page);
        await Journey.ClickButtonAsync(page, "Report the repair");

        Assert.Equal("Repair reported", (await page.Locator(".panel h1").TextContentAsync())!.Trim());
        var reference = (await page.Locator(".panel strong").TextContentAsync())!.Trim();
        Assert.Matches(ReferencePattern(), reference);
        Assert.Contains(booked, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Journey.CheckPageAsync(page);

        // Follow it: the list, the repair, change the appointment.
        await Journey.ClickLinkAsync(page, "Your repairs");
        await Journey.CheckPageAsync(page);
        await page.Locator(".repair-list .card", new() { HasText = reference }).GetByRole(AriaRole.Link).ClickAsync();
        await Journey.CheckPageAsync(page);
        Assert.Equal(1, await page.Locator(".photo-list img").CountAsync());
        await Journey.ClickLinkAsync(page, "Change the appointment");
        await Journey.CheckPageAsync(page);
        var newTime = page.Locator(".radio input[type=radio]").First;
        var newLabel = (await page.Locator($"label[for='{await newTime.GetAttributeAsync("id")}']").TextContentAsync())!.Trim();
        await newTime.CheckAsync();
        await Journey.ClickButtonAsync(page, "Change the appointment");
        Assert.NotEqual(booked, newLabel);
        Assert.Contains(newLabel, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Appointment changed", await page.Locator(".timeline").TextContentAsync(), StringComparison.Ordinal);

        // Add information.
        await Journey.ClickLinkAsync(page, "Add information or photos");
        await Journey.CheckPageAsync(page);
        await Journey.CheckErrorStateAsync(page, "Send");
        await page.FillAsync("#Information", "It is dripping faster now.");
        await Journey.ClickButtonAsync(page, "Send");
        Assert.Contains("It is dripping faster now.", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);

        // Cancel the appointment.
        await Journey.ClickLinkAsync(page, "Cancel the appointment");
        await Journey.CheckPageAsync(page);
        await Journey.ClickButtonAsync(page, "Cancel the appointment");
        Assert.Equal(reference, (await page.Locator("h1 + p .muted").TextContentAsync())?.Replace("Reference", "", StringComparison.Ordinal).Trim());
        Assert.DoesNotContain(newLabel, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Journey.CheckPageAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tenant_tells_us_how_we_did_on_a_finished_repair(bool javaScript)
    {
        var app = await apps.ForAsync(javaScript);
        var page = await Journey.OpenAsync(browser, app, javaScript);
        await Journey.SignInAsTenantAsync(page);

        await page.GotoAsync("/repairs");
        await page.Locator(".repair-list .card", new() { HasText = "Finished" }).First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Journey.CheckPageAsync(page);
        await Journey.ClickLinkAsync(page, "Give feedback");
        Assert.Equal("How did we do?", await Journey.HeadingAsync(page));
        await Journey.CheckPageAsync(page);
        await Journey.CheckErrorStateAsync(page, "Send feedback");
        await page.CheckAsync("#RepairRating-4");
        await page.CheckAsync("#TimeRating");
        await page.FillAsync("#Comment", "Quick and tidy.");
        await Journey.ClickButtonAsync(page, "Send feedback");

        Assert.Equal("Thank you for your feedback.", (await page.Locator(".notice").TextContentAsync())?.Trim());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Give feedback" }).CountAsync());
        await Journey.CheckPageAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tenant_changes_their_mobile_number_and_how_we_contact_them(bool javaScript)
    {
        var app = await apps.ForAsync(javaScript);
        var page = await Journey.OpenAsync(browser, app, javaScript);
        await Journey.SignInAsTenantAsync(page);

        await page.GotoAsync("/contact-details");
        await Journey.CheckPageAsync(page);
        await page.Locator("[data-field=MobilePhone] a").ClickAsync();
        await Journey.CheckPageAsync(page);
        await Journey.CheckErrorStateAsync(page, "Continue");
        await page.FillAsync("#Password", DemoSeeder.Password);
        await Journey.ClickButtonAsync(page, "Continue");
        await Journey.CheckPageAsync(page);
        await page.FillAsync("#Value", "not a phone number");
        await Journey.CheckErrorStateAsync(page, "Continue");
        await page.FillAsync("#Value", "+44 7700 900456");
        await Journey.ClickButtonAsync(page, "Continue");
        Assert.Equal("07700 900456", (await page.Locator("#new-value").TextContentAsync())?.Trim());
        await Journey.CheckPageAsync(page);
        await Journey.ClickButtonAsync(page, "Save");
        Assert.Equal("07700 900456", (await page.Locator("[data-field=MobilePhone] .contact-value").TextContentAsync())?.Trim());
        await Journey.CheckPageAsync(page);

        await page.Locator("[data-field=PreferredContactMethod] a").ClickAsync();
        await Journey.CheckPageAsync(page);
        await page.GetByLabel("Text message").CheckAsync();
        await Journey.ClickButtonAsync(page, "Continue");
        await Journey.CheckPageAsync(page);
        await Journey.ClickButtonAsync(page, "Save");
        Assert.Equal("Saved. How we contact you: Text message", (await page.Locator("#notice").TextContentAsync())?.Trim());
        Assert.Equal("Text message", (await page.Locator("[data-field=PreferredContactMethod] .contact-value").TextContentAsync())?.Trim());
        await page.Context.CloseAsync();
    }

    private static decimal Pounds(string? text)
    {
        var match = PoundsPattern().Match(text ?? "");
        Assert.True(match.Success, $"No amount in '{text}'");
        var amount = decimal.Parse(match.Groups[2].Value, NumberStyles.Number, CultureInfo.GetCultureInfo("en-GB"));
        return (text ?? "").Contains("in credit", StringComparison.OrdinalIgnoreCase) ? -amount : amount;
    }

    [GeneratedRegex(@"^R\d{4}-\d{5}$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"(£)([\d,]+\.\d\d)")]
    private static partial Regex PoundsPattern();
}
