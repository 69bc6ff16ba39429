using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Payments;

namespace TenantPortal.Tests.Rent;

public sealed class ReconciliationTests(StripeAppFixture app) : IClassFixture<StripeAppFixture>
{
    private async Task<(TestTenancy Tenancy, Guid Attempt, string Session)> AbandonedPaymentAsync(string amount, bool started = true)
    {
        var (client, tenancy) = await app.SignedInTenantAsync(100m);
        var attempt = await PayJourney.ChooseAmountAsync(client, amount);
        if (started)
        {
            await PayJourney.PayAsync(client, attempt);
        }

        // Started an hour ago and never heard of again (the webhook was lost).
        var anHourAgo = app.Factory.UtcNow.AddHours(-1);
        await RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentAttempts.Where(a => a.Id == attempt).ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedAt, anHourAgo)));
        return (tenancy, attempt, (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId ?? "");
    }

    private PaymentReconciliationService NewInstance() => ActivatorUtilities.CreateInstance<PaymentReconciliationService>(app.Factory.Services);

    [Fact]
    public async Task A_payment_whose_webhook_was_lost_is_posted_by_reconciliation()
    {
        var (tenancy, attempt, session) = await AbandonedPaymentAsync("35.00");
        app.Stripe.Paid(session, $"pi_lost_{attempt:N}", 3500);

        await NewInstance().ReconcileOnceAsync(CancellationToken.None);

        var stored = await RentDb.AttemptAsync(app.Factory, attempt);
        Assert.Equal(PaymentStatus.Succeeded, stored.Status);
        Assert.Null(stored.LeaseOwner);
        Assert.Equal(-35m, Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id)).Amount);
        Assert.Equal(65m, await RentDb.BalanceAsync(app.Factory, tenancy.Id));
    }

    [Fact]
    public async Task Expired_sessions_and_never_started_attempts_are_closed()
    {
        var (_, expired, session) = await AbandonedPaymentAsync("20.00");
        app.Stripe.SessionStates[session] = ("expired", "unpaid", null, 0);
        var (_, neverStarted, _) = await AbandonedPaymentAsync("20.00", started: false);

        await NewInstance().ReconcileOnceAsync(CancellationToken.None);

        Assert.Equal(PaymentStatus.Expired, (await RentDb.AttemptAsync(app.Factory, expired)).Status);
        Assert.Equal(PaymentStatus.Expired, (await RentDb.AttemptAsync(app.Factory, neverStarted)).Status);
    }

    [Fact]
    public async Task Two_instances_reconciling_at_once_never_check_or_post_the_same_attempt_twice()
    {
        var payments = new List<(TestTenancy Tenancy, Guid Attempt, string Session)>();
        for (var i = 0; i < 3; i++)
        {
            var p = await AbandonedPaymentAsync("15.00");
            app.Stripe.Paid(p.Session, $"pi_two_{p.Attempt:N}", 1500);
            payments.Add(p);
        }

        var counts = await Task.WhenAll(NewInstance().ReconcileOnceAsync(CancellationToken.None), NewInstance().ReconcileOnceAsync(CancellationToken.None));

        Assert.Equal(3, counts.Sum());
        foreach (var (tenancy, attempt, session) in payments)
        {
            Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
            Assert.Equal(PaymentStatus.Succeeded, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
            Assert.Single(app.Stripe.Requests, r => r.Method == "GET" && r.Path.EndsWith(session, StringComparison.Ordinal));
        }
    }
}
