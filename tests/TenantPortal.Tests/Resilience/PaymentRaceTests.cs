using System.Net;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Tests.Rent;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Tests.Resilience;

/// <summary>Double taps and webhook storms against the real app on a real SQLite file.</summary>
public sealed class PaymentRaceTests(StripeAppFixture app) : PaymentRaces(app), IClassFixture<StripeAppFixture>;

/// <summary>The same races on a real PostgreSQL server, where concurrent transactions interleave.</summary>
public sealed class PostgresPaymentRaceTests(PostgresStripeAppFixture app) : PaymentRaces(app), IClassFixture<PostgresStripeAppFixture>;

public abstract class PaymentRaces(StripeAppFixture app)
{
    [Fact]
    public async Task Pay_tapped_five_times_at_once_opens_one_checkout_for_the_attempt()
    {
        var (client, tenancy) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "12.00");
        var check = await client.GetDocumentAsync($"/rent/pay/check?attempt={attempt}");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.SubmitFormAsync(check, new Dictionary<string, string>())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.ToString()).Distinct());
        var stored = await RentDb.AttemptAsync(app.Factory, attempt);
        Assert.Equal(PaymentStatus.Open, stored.Status);
        Assert.EndsWith(stored.ProviderSessionId!, responses[0].Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Single(app.Stripe.Requests.Where(r => r.Path == "/v1/checkout/sessions" && r.Form["client_reference_id"] == attempt.ToString()).Select(r => r.IdempotencyKey).Distinct());
        Assert.Empty(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
    }

    [Fact]
    public async Task A_storm_of_duplicate_webhooks_for_ten_payments_posts_each_payment_once()
    {
        var (client, tenancy) = await app.SignedInTenantAsync(balance: 500m);
        var payloads = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var attempt = await PayJourney.ChooseAmountAsync(client, "5.00");
            await PayJourney.PayAsync(client, attempt);
            var session = (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId!;
            var payload = StripeWebhook.Event($"evt_storm_{i}_{attempt:N}", "checkout.session.completed", StripeWebhook.Completed(session, attempt, $"pi_storm_{i}_{attempt:N}", 500));
            payloads.AddRange(Enumerable.Repeat(payload, 5));
        }

        var shuffled = payloads.OrderBy(_ => Random.Shared.Next()).ToList();
        var responses = await Task.WhenAll(shuffled.Select(p => StripeWebhook.PostAsync(app.Factory.CreateClient(), p)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var lines = await RentDb.PortalLinesAsync(app.Factory, tenancy.Id);
        Assert.Equal(10, lines.Count);
        Assert.All(lines, l => Assert.Equal(-5m, l.Amount));
        Assert.Equal(450m, await RentDb.BalanceAsync(app.Factory, tenancy.Id));
        await RentDb.AssertBalanceMatchesLinesAsync(app.Factory, tenancy.Id);
    }
}
