using Microsoft.Data.Sqlite;
using TenantPortal.Tests.Accounts;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Journeys;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Notifications;

/// <summary>In a browser on a phone: a tenant who prefers texts reports a repair and changes the appointment, and
/// receives two texts (files in the app's texts folder, as in Development) and no email.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class TextMessageJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private AppServer app = null!;

    public async Task InitializeAsync()
    {
        app = await AppServer.StartAsync();
        await using var db = new SqliteConnection($"Data Source={app.DatabasePath}");
        await db.OpenAsync();
        await using var update = db.CreateCommand();
        update.CommandText = "UPDATE Tenants SET PreferredContactMethod = 'Text', AgreesToTexts = 1, AgreesToEmails = 1, MobilePhone = $mobile WHERE Email = $email";
        update.Parameters.AddWithValue("$mobile", DemoData.LeadTenantMobile);
        update.Parameters.AddWithValue("$email", DemoData.LeadTenantEmail);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task A_tenant_who_prefers_texts_reports_a_repair_changes_the_appointment_and_gets_two_texts_and_no_email()
    {
        var page = await Journey.OpenAsync(browser, app, javaScript: true);
        await Journey.SignInAsTenantAsync(page);
        await page.GotoAsync("/repairs/report");
        await Journey.ClickButtonAsync(page, "It's not an emergency: start");
        foreach (var label in new[] { "Kitchen", "Tap", "Dripping or leaking" })
        {
            await page.GetByLabel(label, new() { Exact = true }).CheckAsync();
            await Journey.ClickButtonAsync(page, "Continue");
        }

        await page.FillAsync("#Description", "The kitchen tap drips all day and night.");
        await Journey.ClickButtonAsync(page, "Continue");
        await Journey.ClickButtonAsync(page, "Continue");
        await page.FillAsync("#WhoWillBeHome", "Me");
        await Journey.ClickButtonAsync(page, "Continue");
        var slots = page.Locator(".radio input[type=radio]");
        await slots.Nth(Math.Min(4, await slots.CountAsync() - 1)).CheckAsync();
        await Journey.ClickButtonAsync(page, "Continue");
        await Journey.ClickButtonAsync(page, "Report the repair");
        var reference = (await page.Locator(".panel strong").TextContentAsync())!.Trim();
        Assert.Equal("We've sent you a text message with these details.", (await page.Locator("#how-we-told").TextContentAsync())!.Trim());
        await Journey.CheckPageAsync(page);

        await Journey.ClickLinkAsync(page, "See this repair");
        await Journey.ClickLinkAsync(page, "Change the appointment");
        var newTime = page.Locator(".radio input[type=radio]").First;
        var newLabel = (await page.Locator($"label[for='{await newTime.GetAttributeAsync("id")}']").TextContentAsync())!.Trim();
        await newTime.CheckAsync();
        await Journey.ClickButtonAsync(page, "Change the appointment");
        Assert.Contains(newLabel, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);

        var texts = await WaitForTextsAsync(DemoData.LeadTenantMobile, reference, 2);
        Assert.Contains(texts, t => t.Contains("we have your repair", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("appointment changed to", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.Contains("Northgate Homes", t, StringComparison.Ordinal));
        Assert.DoesNotContain(Mailbox.Emails(app.EmailFolder), m =>
            m.To.Mailboxes.Any(a => string.Equals(a.Address, DemoData.LeadTenantEmail, StringComparison.OrdinalIgnoreCase))
            && (m.Subject ?? "").Contains(reference, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    /// <summary>The texts to a number that mention the repair, once as many as expected have been written.</summary>
    private async Task<IReadOnlyList<string>> WaitForTextsAsync(string to, string reference, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        List<string> found = [];
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            found = Directory.Exists(app.TextFolder)
                ? Directory.GetFiles(app.TextFolder, "*.txt").Select(File.ReadAllText)
                    .Where(t => t.StartsWith($"To: {to}\n", StringComparison.Ordinal) && t.Contains(reference, StringComparison.Ordinal)).ToList()
                : [];
            if (found.Count >= count)
            {
                Assert.Equal(count, found.Count);
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{found.Count} of {count} texts about {reference} arrived in {app.TextFolder}");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();
}
