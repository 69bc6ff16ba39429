using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Repairs;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Resilience;

/// <summary>The database locked mid-journey: the honest 503 page with the phone number, nothing written, and what
/// the tenant typed kept in the page so "Try again" sends it unchanged once the database is back.</summary>
public class DatabaseLockedTests : IDisposable
{
    private readonly RepairsApp app;

    public DatabaseLockedTests()
        : this(null)
    {
    }

    protected DatabaseLockedTests(IDictionary<string, string?>? settings) =>
        app = RepairsApp.StartAsync(settings, shortLockTimeout: true).GetAwaiter().GetResult();

    [Fact]
    public async Task Saving_contact_details_while_the_database_is_locked_keeps_the_answer_and_try_again_saves_it()
    {
        var client = await app.SignedInAsync();
        var check = await client.FollowAsync(await client.SubmitFormAsync("/contact-details/preferred-contact", new Dictionary<string, string> { ["Value"] = "Letter" }));

        HttpResponseMessage failed;
        await using (await DatabaseLock.TakeAsync(app.Factory))
        {
            failed = await client.SubmitFormAsync(check, new Dictionary<string, string> { ["Step"] = "save" });
        }

        var page = await AssertServiceUnavailableAsync(failed);
        var retry = (IHtmlFormElement)page.QuerySelector("form#retry")!;
        // The answer waits in the portal database (JourneyStates); "Try again" repeats the save.
        Assert.Equal("/contact-details/preferred-contact/check", new Uri(new Uri("https://localhost"), retry.Action).AbsolutePath);
        Assert.Equal("save", (retry.QuerySelector("input[name=Step]") as IHtmlInputElement)?.Value);
        Assert.NotEqual(ContactMethod.Letter, await DemoTenantPreferenceAsync());

        var saved = await client.SubmitFormAsync(page, new Dictionary<string, string>(), "form#retry");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(ContactMethod.Letter, await DemoTenantPreferenceAsync());
    }

    [Fact]
    public async Task Starting_a_payment_while_the_database_is_locked_creates_nothing_and_keeps_the_amount()
    {
        var client = await app.SignedInAsync();
        var payPage = await client.GetDocumentAsync("/rent/pay");
        var attemptsBefore = await app.WithPortalAsync(db => db.PaymentAttempts.CountAsync());

        HttpResponseMessage failed;
        await using (await DatabaseLock.TakeAsync(app.Factory))
        {
            failed = await client.SubmitFormAsync(payPage, new Dictionary<string, string> { ["Form.Amount"] = "33.50" });
        }

        var page = await AssertServiceUnavailableAsync(failed);
        Assert.Equal("33.50", (page.QuerySelector("form#retry input[name='Form.Amount']") as IHtmlInputElement)?.Value);
        Assert.Equal(attemptsBefore, await app.WithPortalAsync(db => db.PaymentAttempts.CountAsync()));

        var retried = await client.SubmitFormAsync(page, new Dictionary<string, string>(), "form#retry");

        Assert.StartsWith("/rent/pay/check?attempt=", retried.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(33.50m, await app.WithPortalAsync(db => db.PaymentAttempts.OrderByDescending(a => a.CreatedAt).Select(a => a.Amount).FirstAsync()));
    }

    [Fact]
    public async Task A_password_is_never_written_back_into_the_page()
    {
        var client = app.Factory.CreateBrowserClient();
        var signIn = await client.GetDocumentAsync("/account/sign-in");

        HttpResponseMessage failed;
        await using (await DatabaseLock.TakeAsync(app.Factory))
        {
            // The right password makes the sign-in write (the server-side session, the last sign-in time): that
            // write meets the lock. (Wrong passwords write nothing: they are counted in memory.)
            failed = await client.SubmitFormAsync(signIn, new Dictionary<string, string> { ["Email"] = DemoSeeder.TenantEmail, ["Password"] = DemoSeeder.Password });
        }

        var page = await AssertServiceUnavailableAsync(failed);
        Assert.Equal(DemoSeeder.TenantEmail, (page.QuerySelector("form#retry input[name=Email]") as IHtmlInputElement)?.Value);
        Assert.Null(page.QuerySelector("form#retry input[name=Password]"));
        Assert.DoesNotContain(DemoSeeder.Password, await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<IHtmlDocument> AssertServiceUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("30", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var page = await response.GetDocumentAsync();
        Assert.Equal("Sorry, the service is unavailable", page.QuerySelector("h1").Text());
        Assert.Contains("0300 123 4567", page.NormalisedText(), StringComparison.Ordinal);
        return page;
    }

    private Task<ContactMethod> DemoTenantPreferenceAsync() =>
        app.WithHousingAsync(db => db.Tenants.Where(t => t.Email == DemoSeeder.TenantEmail).Select(t => t.PreferredContactMethod).SingleAsync());

    public void Dispose()
    {
        app.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same failures on PostgreSQL: every table locked, the app's lock_timeout 1 second.</summary>
public sealed class PostgresDatabaseLockedTests() : DatabaseLockedTests(PostgresServer.Settings);
