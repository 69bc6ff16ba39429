using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Tests.Rent;

public sealed class StripeWebhookTests(StripeAppFixture app) : IClassFixture<StripeAppFixture>
{
    /// <summary>A tenant who has started paying: attempt Open with a Stripe session.</summary>
    private async Task<(HttpClient Client, TestTenancy Tenancy, Guid Attempt, string Session)> StartedPaymentAsync(string amount = "25.00", decimal balance = 150m)
    {
        var (client, tenancy) = await app.SignedInTenantAsync(balance);
        var attempt = await PayJourney.ChooseAmountAsync(client, amount);
        await PayJourney.PayAsync(client, attempt);
        var session = (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId!;
        return (client, tenancy, attempt, session);
    }

    private static string NewEventId() => "evt_" + Guid.NewGuid().ToString("N");

    private Task<int> StoredEventsAsync(string id) => RentDb.QueryAsync(app.Factory, (_, p) => p.ProviderEvents.CountAsync(e => e.Id == id));

    [Fact]
    public async Task Signed_checkout_completed_posts_the_payment_marks_the_attempt_paid_and_queues_one_receipt()
    {
        var (_, tenancy, attempt, session) = await StartedPaymentAsync("25.00");
        var eventId = NewEventId();
        var payload = StripeWebhook.Event(eventId, "checkout.session.completed", StripeWebhook.Completed(session, attempt, "pi_valid_1", 2500));

        var response = await StripeWebhook.PostAsync(app.Factory.CreateClient(), payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
        Assert.Equal(-25m, line.Amount);
        Assert.Equal("pi_valid_1", line.ProviderReference);
        Assert.Equal(125m, await RentDb.BalanceAsync(app.Factory, tenancy.Id));
        await RentDb.AssertBalanceMatchesLinesAsync(app.Factory, tenancy.Id);
        var stored = await RentDb.AttemptAsync(app.Factory, attempt);
        Assert.Equal(PaymentStatus.Succeeded, stored.Status);
        Assert.Equal(line.Id, stored.RentTransactionId);
        Assert.NotNull(stored.ReceiptSentAt);
        Assert.Equal(1, await StoredEventsAsync(eventId));
        Assert.Equal(1, await RentDb.QueryAsync(app.Factory, (_, p) => p.EmailOutbox.CountAsync(m => m.To == tenancy.Email)));
    }

    [Fact]
    public async Task A_bad_signature_gets_400_and_changes_nothing()
    {
        var (_, tenancy, attempt, session) = await StartedPaymentAsync();
        var eventId = NewEventId();
        var payload = StripeWebhook.Event(eventId, "checkout.session.completed", StripeWebhook.Completed(session, attempt, "pi_forged", 2500));
        var client = app.Factory.CreateClient();

        var wrongSecret = await StripeWebhook.PostAsync(client, payload, StripeWebhook.Sign(payload, "whsec_someone_else"));
        var tampered = await StripeWebhook.PostAsync(client, payload.Replace("2500", "250000", StringComparison.Ordinal), StripeWebhook.Sign(payload));
        var stale = await StripeWebhook.PostAsync(client, payload, StripeWebhook.Sign(payload, timestamp: StripeWebhook.RealNow - 3600));
        var missing = await StripeWebhook.PostAsync(client, payload, "");

        Assert.All(new[] { wrongSecret, tampered, stale, missing }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Empty(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
        Assert.Equal(PaymentStatus.Open, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
        Assert.Equal(0, await StoredEventsAsync(eventId));
    }

    [Fact]
    public async Task A_replayed_event_is_acknowledged_and_ignored()
    {
        var (_, tenancy, attempt, session) = await StartedPaymentAsync();
        var eventId = NewEventId();
        var payload = StripeWebhook.Event(eventId, "checkout.session.completed", StripeWebhook.Completed(session, attempt, "pi_replayed", 2500));
        var client = app.Factory.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await StripeWebhook.PostAsync(client, payload));
        }

        // Stripe may also send the same news as a different event (completed, then a retry with a new id).
        var sameNewsNewId = StripeWebhook.Event(NewEventId(), "checkout.session.completed", StripeWebhook.Completed(session, attempt, "pi_replayed", 2500));
        responses.Add(await StripeWebhook.PostAsync(client, sameNewsNewId));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
        Assert.Equal(1, await StoredEventsAsync(eventId));
        Assert.Equal(125m, await RentDb.BalanceAsync(app.Factory, tenancy.Id));
        Assert.Equal(1, await RentDb.QueryAsync(app.Factory, (_, p) => p.EmailOutbox.CountAsync(m => m.To == tenancy.Email)));
    }

    [Fact]
    public async Task Expired_arriving_after_completed_does_not_undo_the_payment()
    {
        var (_, tenancy, attempt, session) = await StartedPaymentAsync();
        var client = app.Factory.CreateClient();

        await StripeWebhook.PostAsync(client, StripeWebhook.Event(NewEventId(), "checkout.session.completed", StripeWebhook.Completed(session, attempt, "pi_ooo", 2500)));
        var late = await StripeWebhook.PostAsync(client, StripeWebhook.Event(NewEventId(), "checkout.session.expired", StripeWebhook.Expired(session, attempt)));
        var lateFail = await StripeWebhook.PostAsync(client, StripeWebhook.Event(NewEventId(), "checkout.session.async_payment_failed", StripeWebhook.Completed(session, attempt, "pi_ooo", 2500, "unpaid")));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lateFail.StatusCode);
        Assert.Equal(PaymentStatus.Succeeded, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
        Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
    }

    [Fact]
    public async Task Bacs_payment_stays_pending_until_stripe_confirms_it_and_shows_as_pending_meanwhile()
    {
        var (client, tenancy, attempt, session) = await StartedPaymentAsync("60.00");
        var hook = app.Factory.CreateClient();

        await StripeWebhook.PostAsync(hook, StripeWebhook.Event(NewEventId(), "checkout.session.completed", StripeWebhook.Completed(session, attempt, "pi_bacs", 6000, "unpaid")));
        var pending = await RentDb.AttemptAsync(app.Factory, attempt);
        var statement = await client.GetDocumentAsync("/rent/statement");

        Assert.Equal(PaymentStatus.Pending, pending.Status);
        Assert.Empty(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
        Assert.Contains("Pending", statement.QuerySelector(".statement-pending").Text(), StringComparison.Ordinal);
        Assert.Contains("£60.00", statement.QuerySelector(".statement-pending").Text(), StringComparison.Ordinal);

        await StripeWebhook.PostAsync(hook, StripeWebhook.Event(NewEventId(), "checkout.session.async_payment_succeeded", StripeWebhook.Completed(session, attempt, "pi_bacs", 6000)));

        Assert.Equal(PaymentStatus.Succeeded, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
        Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
        Assert.Null((await client.GetDocumentAsync("/rent/statement")).QuerySelector(".statement-pending"));
    }

    [Fact]
    public async Task Bacs_payment_the_bank_refuses_is_marked_failed_and_nothing_is_posted()
    {
        var (client, tenancy, attempt, session) = await StartedPaymentAsync("60.00");
        var hook = app.Factory.CreateClient();

        await StripeWebhook.PostAsync(hook, StripeWebhook.Event(NewEventId(), "checkout.session.completed", StripeWebhook.Completed(session, attempt, "pi_bacs_fail", 6000, "unpaid")));
        await StripeWebhook.PostAsync(hook, StripeWebhook.Event(NewEventId(), "checkout.session.async_payment_failed", StripeWebhook.Completed(session, attempt, "pi_bacs_fail", 6000, "unpaid")));
        app.Stripe.SessionStates[session] = ("complete", "unpaid", "pi_bacs_fail", 6000);
        app.Stripe.PaymentIntents["pi_bacs_fail"] = ("requires_payment_method", 0);
        var page = await client.GetDocumentAsync($"/rent/pay/complete?attempt={attempt}");

        Assert.Equal(PaymentStatus.Failed, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
        Assert.Empty(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
        Assert.Equal("Your payment did not go through", page.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Webhook_racing_the_return_page_writes_exactly_one_rent_transaction_every_time()
    {
        for (var round = 0; round < 5; round++)
        {
            var (client, tenancy, attempt, session) = await StartedPaymentAsync("10.00", balance: 100m);
            var paymentIntent = $"pi_race_{round}_{attempt:N}";
            app.Stripe.Paid(session, paymentIntent, 1000);
            var payload = StripeWebhook.Event(NewEventId(), "checkout.session.completed", StripeWebhook.Completed(session, attempt, paymentIntent, 1000));
            var hookA = app.Factory.CreateClient();
            var hookB = app.Factory.CreateClient();

            var results = await Task.WhenAll(
                StripeWebhook.PostAsync(hookA, payload),
                client.GetAsync(new Uri($"/rent/pay/complete?attempt={attempt}", UriKind.Relative)),
                StripeWebhook.PostAsync(hookB, payload),
                client.GetAsync(new Uri($"/rent/pay/complete?attempt={attempt}", UriKind.Relative)));

            Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var line = Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
            Assert.Equal(-10m, line.Amount);
            Assert.Equal(90m, await RentDb.BalanceAsync(app.Factory, tenancy.Id));
            await RentDb.AssertBalanceMatchesLinesAsync(app.Factory, tenancy.Id);
            Assert.Equal(1, await RentDb.QueryAsync(app.Factory, (_, p) => p.EmailOutbox.CountAsync(m => m.To == tenancy.Email)));
        }
    }

    [Fact]
    public async Task Charge_refunded_posts_each_stripe_refund_once_as_a_positive_refund_line()
    {
        var (_, tenancy, attempt, session) = await StartedPaymentAsync("50.00", balance: 150m);
        var hook = app.Factory.CreateClient();
        await StripeWebhook.PostAsync(hook, StripeWebhook.Event(NewEventId(), "checkout.session.completed", StripeWebhook.Completed(session, attempt, "pi_refund", 5000)));

        await StripeWebhook.PostAsync(hook, StripeWebhook.Event(NewEventId(), "charge.refunded", StripeWebhook.RefundedCharge("pi_refund", ("re_one", 2000))));
        await StripeWebhook.PostAsync(hook, StripeWebhook.Event(NewEventId(), "charge.refunded", StripeWebhook.RefundedCharge("pi_refund", ("re_one", 2000), ("re_two", 500))));

        var lines = await RentDb.PortalLinesAsync(app.Factory, tenancy.Id);
        var refunds = lines.Where(l => l.Type == RentTransactionType.Refund).OrderBy(l => l.Id).ToList();
        Assert.Equal([20m, 5m], refunds.Select(r => r.Amount).ToArray());
        Assert.Equal(["re_one", "re_two"], refunds.Select(r => r.ProviderReference!).ToArray());
        Assert.Equal(150m - 50m + 25m, await RentDb.BalanceAsync(app.Factory, tenancy.Id));
        await RentDb.AssertBalanceMatchesLinesAsync(app.Factory, tenancy.Id);
        Assert.Equal(25m, (await RentDb.AttemptAsync(app.Factory, attempt)).RefundedAmount);
    }
}
