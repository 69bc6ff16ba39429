using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Payments;

namespace TenantPortal.Tests.Rent;

/// <summary>Issue 18: reconciliation covers what a lost webhook would otherwise lose: cancelled attempts paid in an
/// old tab, Bacs payments the bank decided on, refunds Stripe never answered.</summary>
public sealed class RealStripeReconciliationTests(StripeAppFixture app) : IClassFixture<StripeAppFixture>
{
    private PaymentReconciliationService NewInstance() => ActivatorUtilities.CreateInstance<PaymentReconciliationService>(app.Factory.Services);

    private async Task<(HttpClient Client, TestTenancy Tenancy, Guid Attempt, string Session)> StartedAsync(string amount)
    {
        var (client, tenancy) = await app.SignedInTenantAsync(100m);
        var attempt = await PayJourney.ChooseAmountAsync(client, amount);
        await PayJourney.PayAsync(client, attempt);
        return (client, tenancy, attempt, (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId!);
    }

    private Task<int> BackdateAsync(Guid attempt) => RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentAttempts.Where(a => a.Id == attempt)
        .ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedAt, app.Factory.UtcNow.AddHours(-1))));

    /// <summary>Cancelled here without Stripe confirming the session closed (attempts cancelled before sessions were
    /// expired at Stripe, or whose confirmation was not saved): the old tab can still be paid.</summary>
    private Task<int> CancelledLocallyAsync(Guid attempt) => RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentAttempts.Where(a => a.Id == attempt)
        .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, PaymentStatus.Cancelled).SetProperty(a => a.ProviderClosedAt, (DateTime?)null)));

    [Fact]
    public async Task A_cancelled_attempt_paid_in_the_old_tab_with_the_webhook_lost_is_posted_by_reconciliation()
    {
        var (_, tenancy, attempt, session) = await StartedAsync("30.00");
        await CancelledLocallyAsync(attempt);
        app.Stripe.Paid(session, $"pi_old_tab_{attempt:N}", 3000); // the old tab was paid anyway
        await BackdateAsync(attempt);

        await NewInstance().ReconcileOnceAsync(CancellationToken.None);

        Assert.Equal(PaymentStatus.Succeeded, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
        Assert.Equal(-30m, Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id)).Amount);
        await RentDb.AssertBalanceMatchesLinesAsync(app.Factory, tenancy.Id);
    }

    [Fact]
    public async Task A_cancelled_session_stripe_could_not_close_then_is_expired_at_stripe_by_reconciliation_and_then_left_alone()
    {
        var (_, _, attempt, session) = await StartedAsync("31.00");
        await CancelledLocallyAsync(attempt);
        Assert.Equal("open", app.Stripe.SessionStates[session].Status);
        await BackdateAsync(attempt);

        await NewInstance().ReconcileOnceAsync(CancellationToken.None);
        var callsAfterClosing = app.Stripe.Requests.Count(r => r.Path.StartsWith($"/v1/checkout/sessions/{session}", StringComparison.Ordinal));
        await RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentAttempts.Where(a => a.Id == attempt)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastCheckedAt, app.Factory.UtcNow.AddHours(-1))));
        await NewInstance().ReconcileOnceAsync(CancellationToken.None);

        Assert.Equal("expired", app.Stripe.SessionStates[session].Status);
        var stored = await RentDb.AttemptAsync(app.Factory, attempt);
        Assert.Equal(PaymentStatus.Cancelled, stored.Status);
        Assert.NotNull(stored.ProviderClosedAt);
        // Once Stripe confirmed it closed, the attempt is not asked about again.
        Assert.Equal(callsAfterClosing, app.Stripe.Requests.Count(r => r.Path.StartsWith($"/v1/checkout/sessions/{session}", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("succeeded", PaymentStatus.Succeeded)]
    [InlineData("requires_payment_method", PaymentStatus.Failed)]
    [InlineData("processing", PaymentStatus.Pending)]
    public async Task A_bacs_payment_whose_webhooks_were_lost_is_settled_from_the_payment_intent(string intentStatus, PaymentStatus expected)
    {
        var (_, tenancy, attempt, session) = await StartedAsync("60.00");
        var paymentIntent = $"pi_bacs_{attempt:N}";
        await StripeWebhook.PostAsync(app.Factory.CreateClient(), StripeWebhook.Event("evt_" + Guid.NewGuid().ToString("N"), "checkout.session.completed",
            StripeWebhook.Completed(session, attempt, paymentIntent, 6000, "unpaid")));
        Assert.Equal(PaymentStatus.Pending, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
        // The session stays "complete, unpaid"; only the payment intent knows what the bank did.
        app.Stripe.SessionStates[session] = ("complete", "unpaid", paymentIntent, 6000);
        app.Stripe.PaymentIntents[paymentIntent] = (intentStatus, intentStatus == "succeeded" ? 6000 : 0);
        await BackdateAsync(attempt);

        await NewInstance().ReconcileOnceAsync(CancellationToken.None);

        Assert.Equal(expected, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
        Assert.Equal(expected == PaymentStatus.Succeeded ? 1 : 0, (await RentDb.PortalLinesAsync(app.Factory, tenancy.Id)).Count);
    }
}
