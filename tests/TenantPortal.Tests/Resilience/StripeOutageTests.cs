using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Rent;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Payments;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Resilience;

/// <summary>Stripe unreachable or too slow: the tenant is told plainly, no money can be taken twice, and every
/// attempt ends in a state that says what happened (on SQLite here, on PostgreSQL in <see cref="PostgresStripeOutageTests"/>).</summary>
public class StripeOutageTests : IDisposable
{
    private readonly FakeStripe stripe = new();
    private readonly PortalAppFactory factory;

    public StripeOutageTests()
        : this(null)
    {
    }

    protected StripeOutageTests(IDictionary<string, string?>? settings)
    {
        // Writes give up after one second when the database is locked, so a test can take the database away.
        PortalAppFactory? created = null;
        created = FakeStripe.CreateFactory(stripe, timeoutSeconds: 1, settings: settings, services: s =>
            s.AddScoped(_ => created!.PostgresConnectionString is { } postgres
                ? new SharedConnection(DatabaseProvider.PostgreSql, $"{postgres};Options=-c lock_timeout=1000")
                : new SharedConnection(DatabaseProvider.Sqlite, $"Data Source={created!.DatabasePath};Default Timeout=1")));
        factory = created;
    }

    [Fact]
    public async Task A_webhook_while_the_database_is_locked_is_refused_so_stripe_retries_and_the_retry_posts_it_once()
    {
        var (client, tenancy) = await StripeAppFixture.SignIn(factory, 150m);
        var attempt = await PayJourney.ChooseAmountAsync(client, "20.00");
        await PayJourney.PayAsync(client, attempt);
        var session = (await RentDb.AttemptAsync(factory, attempt)).ProviderSessionId!;
        var payload = StripeWebhook.Event($"evt_locked_{attempt:N}", "checkout.session.completed", StripeWebhook.Completed(session, attempt, $"pi_locked_{attempt:N}", 2000));

        HttpResponseMessage refused;
        await using (await DatabaseLock.TakeAsync(factory))
        {
            refused = await StripeWebhook.PostAsync(factory.CreateClient(), payload);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Empty(await RentDb.PortalLinesAsync(factory, tenancy.Id));
        Assert.Equal(PaymentStatus.Open, (await RentDb.AttemptAsync(factory, attempt)).Status);

        var retried = await StripeWebhook.PostAsync(factory.CreateClient(), payload);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(-20m, Assert.Single(await RentDb.PortalLinesAsync(factory, tenancy.Id)).Amount);
        await RentDb.AssertBalanceMatchesLinesAsync(factory, tenancy.Id);
    }

    [Theory]
    [InlineData(StripeOutage.Unreachable)]
    [InlineData(StripeOutage.Hanging)]
    public async Task Stripe_down_when_paying_closes_the_attempt_as_failed_and_says_no_money_was_taken(StripeOutage outage)
    {
        var (client, tenancy) = await StripeAppFixture.SignIn(factory, 150m);
        var attempt = await PayJourney.ChooseAmountAsync(client, "40.00");
        stripe.Outage = outage;

        var response = await PayJourney.PayAsync(client, attempt);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await response.GetDocumentAsync();
        Assert.Equal("Your payment did not go through", page.QuerySelector("h1").Text());
        Assert.Contains("No money has been taken for this payment of £40.00", page.NormalisedText(), StringComparison.Ordinal);
        Assert.Contains(PaymentProviderFailure.NotStarted, page.NormalisedText(), StringComparison.Ordinal);
        Assert.Equal("/rent/pay", page.QuerySelector("a.button")?.GetAttribute("href"));
        var stored = await RentDb.AttemptAsync(factory, attempt);
        Assert.Equal((PaymentStatus.Failed, PaymentProviderFailure.NotStarted), (stored.Status, stored.FailureReason));
        Assert.Null(stored.ProviderSessionId);
        Assert.Empty(await RentDb.PortalLinesAsync(factory, tenancy.Id));
        // Stripe.net retried with the same idempotency key, so a session created before a timeout is never doubled.
        var tries = stripe.Requests.Where(r => r.Path == "/v1/checkout/sessions" && r.Form["client_reference_id"] == attempt.ToString()).ToList();
        Assert.Equal(3, tries.Count);
        Assert.Single(tries.Select(r => r.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task Stripe_down_on_the_way_back_keeps_the_attempt_open_says_do_not_pay_again_and_settles_when_it_returns()
    {
        var (client, tenancy) = await StripeAppFixture.SignIn(factory, 150m);
        var attempt = await PayJourney.ChooseAmountAsync(client, "25.00");
        await PayJourney.PayAsync(client, attempt);
        var session = (await RentDb.AttemptAsync(factory, attempt)).ProviderSessionId!;
        stripe.Paid(session, "pi_outage_1", 2500);
        stripe.Outage = StripeOutage.Unreachable;

        var during = await client.GetAsync(new Uri($"/rent/pay/complete?attempt={attempt}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        var page = await during.GetDocumentAsync();
        Assert.Equal("We cannot check your payment just now", page.QuerySelector("h1").Text());
        Assert.Contains("Please do not pay again.", page.NormalisedText(), StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Open, (await RentDb.AttemptAsync(factory, attempt)).Status);
        Assert.Empty(await RentDb.PortalLinesAsync(factory, tenancy.Id));

        stripe.Outage = StripeOutage.None;
        var after = await client.GetDocumentAsync($"/rent/pay/complete?attempt={attempt}");

        Assert.Equal("Payment received", after.QuerySelector("h1").Text());
        var line = Assert.Single(await RentDb.PortalLinesAsync(factory, tenancy.Id));
        Assert.Equal(-25m, line.Amount);
    }

    [Fact]
    public async Task Stripe_down_when_cancelling_does_not_call_the_payment_cancelled()
    {
        var (client, _) = await StripeAppFixture.SignIn(factory, 150m);
        var attempt = await PayJourney.ChooseAmountAsync(client, "15.00");
        await PayJourney.PayAsync(client, attempt);
        stripe.Outage = StripeOutage.Hanging;

        var response = await client.GetAsync(new Uri($"/rent/pay/cancelled?attempt={attempt}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("We cannot check your payment just now", (await response.GetDocumentAsync()).QuerySelector("h1").Text());
        Assert.Equal(PaymentStatus.Open, (await RentDb.AttemptAsync(factory, attempt)).Status);
    }

    public void Dispose()
    {
        factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same outages on a real PostgreSQL server: every table locked, the app's lock_timeout 1 second.</summary>
public sealed class PostgresStripeOutageTests() : StripeOutageTests(PostgresServer.Settings);
