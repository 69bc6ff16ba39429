using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Payments;

namespace TenantPortal.Tests.Rent;

/// <summary>Issue 18: refunds (pending, posted, reversed; lost answers; reconciliation) and disputes.</summary>
public sealed class RefundAndDisputeTests(StripeAppFixture app) : IClassFixture<StripeAppFixture>
{
    private static string NewEventId() => "evt_" + Guid.NewGuid().ToString("N");

    private async Task<(TestTenancy Tenancy, Guid Attempt, string PaymentIntent)> PaidAsync(string amount = "50.00", long pence = 5000)
    {
        var (client, tenancy) = await app.SignedInTenantAsync(100m);
        var attempt = await PayJourney.ChooseAmountAsync(client, amount);
        await PayJourney.PayAsync(client, attempt);
        var session = (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId!;
        var pi = $"pi_rd_{attempt:N}";
        await StripeWebhook.PostAsync(app.Factory.CreateClient(), StripeWebhook.Event(NewEventId(), "checkout.session.completed", StripeWebhook.Completed(session, attempt, pi, pence)));
        return (tenancy, attempt, pi);
    }

    private async Task<HttpResponseMessage> RefundAsync(Guid attempt, string amount, StripeOutage outage = StripeOutage.None)
    {
        var admin = app.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(admin);
        var check = await (await admin.SubmitFormAsync($"/admin/payments/{attempt}", new Dictionary<string, string> { ["Form.Amount"] = amount, ["Form.Reason"] = "duplicate" })).GetDocumentAsync();
        app.Stripe.Outage = outage;
        try
        {
            return await admin.SubmitFormAsync(check, new Dictionary<string, string>());
        }
        finally
        {
            app.Stripe.Outage = StripeOutage.None;
        }
    }

    private Task<List<PaymentRefund>> RefundsAsync(Guid attempt) =>
        RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentRefunds.AsNoTracking().Where(r => r.PaymentAttemptId == attempt).ToListAsync());

    private async Task<HttpStatusCode> SendAsync(string type, System.Text.Json.Nodes.JsonObject data) =>
        (await StripeWebhook.PostAsync(app.Factory.CreateClient(), StripeWebhook.Event(NewEventId(), type, data))).StatusCode;

    private Task<int> EmailsAsync(TestTenancy tenancy, string subject) =>
        RentDb.QueryAsync(app.Factory, (_, p) => p.EmailOutbox.CountAsync(m => m.To == tenancy.Email && m.Subject.Contains(subject)));

    [Fact]
    public async Task A_pending_refund_is_posted_when_stripe_says_it_succeeded_and_the_tenant_is_told()
    {
        var (tenancy, attempt, pi) = await PaidAsync();
        await RefundAsync(attempt, "20.00");
        var refund = Assert.Single(await RefundsAsync(attempt));
        Assert.Equal(RefundStatus.Pending, refund.Status);

        Assert.Equal(HttpStatusCode.OK, await SendAsync("refund.created", StripeWebhook.Refund(refund.ProviderRefundId!, pi, 2000, "pending", refund.Id.ToString())));
        var stillPending = await RentDb.PortalLinesAsync(app.Factory, tenancy.Id);
        var tenant = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(tenant, tenancy.Email);
        var statementWhilePending = await tenant.GetDocumentAsync("/rent/statement");
        Assert.Equal(HttpStatusCode.OK, await SendAsync("refund.updated", StripeWebhook.Refund(refund.ProviderRefundId!, pi, 2000, "succeeded", refund.Id.ToString())));
        Assert.Equal(HttpStatusCode.OK, await SendAsync("charge.refunded", StripeWebhook.RefundedCharge(pi, (refund.ProviderRefundId!, 2000))));

        Assert.DoesNotContain(stillPending, l => l.Type == RentTransactionType.Refund);
        var pendingRow = Assert.Single(statementWhilePending.QuerySelectorAll(".statement-pending"));
        Assert.Contains("Refund of online payment", pendingRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("£20.00", pendingRow.TextContent, StringComparison.Ordinal);
        Assert.Null((await tenant.GetDocumentAsync("/rent/statement")).QuerySelector(".statement-pending"));
        var line = Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id), l => l.Type == RentTransactionType.Refund);
        Assert.Equal(20m, line.Amount);
        Assert.Equal(RefundStatus.Succeeded, Assert.Single(await RefundsAsync(attempt)).Status);
        Assert.Equal(20m, (await RentDb.AttemptAsync(app.Factory, attempt)).RefundedAmount);
        Assert.Equal(1, await EmailsAsync(tenancy, "We have refunded £20.00"));
        await RentDb.AssertBalanceMatchesLinesAsync(app.Factory, tenancy.Id);
    }

    [Fact]
    public async Task A_posted_refund_that_fails_later_is_reversed_in_the_rent_account_once()
    {
        var (tenancy, attempt, pi) = await PaidAsync();
        await RefundAsync(attempt, "15.00");
        var refund = Assert.Single(await RefundsAsync(attempt));
        await SendAsync("refund.updated", StripeWebhook.Refund(refund.ProviderRefundId!, pi, 1500, "succeeded"));
        var afterRefund = await RentDb.BalanceAsync(app.Factory, tenancy.Id);

        Assert.Equal(HttpStatusCode.OK, await SendAsync("refund.failed", StripeWebhook.Refund(refund.ProviderRefundId!, pi, 1500, "failed")));
        Assert.Equal(HttpStatusCode.OK, await SendAsync("refund.updated", StripeWebhook.Refund(refund.ProviderRefundId!, pi, 1500, "failed")));

        Assert.Equal(100m - 50m + 15m, afterRefund);
        Assert.Equal(100m - 50m, await RentDb.BalanceAsync(app.Factory, tenancy.Id));
        var lines = await RentDb.PortalLinesAsync(app.Factory, tenancy.Id);
        Assert.Single(lines, l => l.ProviderReference == refund.ProviderRefundId + ":reversed" && l.Amount == -15m);
        var stored = Assert.Single(await RefundsAsync(attempt));
        Assert.Equal(RefundStatus.Reversed, stored.Status);
        Assert.Equal(0m, (await RentDb.AttemptAsync(app.Factory, attempt)).RefundedAmount);
        Assert.Equal(1, await EmailsAsync(tenancy, "could not be made"));
        await RentDb.AssertBalanceMatchesLinesAsync(app.Factory, tenancy.Id);
    }

    [Fact]
    public async Task A_refund_that_fails_before_it_is_posted_moves_no_money_and_can_be_refunded_again()
    {
        var (tenancy, attempt, pi) = await PaidAsync();
        await RefundAsync(attempt, "50.00");
        var refund = Assert.Single(await RefundsAsync(attempt));

        await SendAsync("refund.failed", StripeWebhook.Refund(refund.ProviderRefundId!, pi, 5000, "failed"));
        var admin = app.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(admin);
        var detail = await admin.GetDocumentAsync($"/admin/payments/{attempt}");

        Assert.Equal(RefundStatus.Failed, Assert.Single(await RefundsAsync(attempt)).Status);
        Assert.DoesNotContain(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id), l => l.Type == RentTransactionType.Refund);
        Assert.Contains("Up to £50.00", detail.NormalisedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refund_whose_answer_was_lost_is_one_refund_when_stripes_webhook_arrives()
    {
        var (tenancy, attempt, pi) = await PaidAsync();

        var response = await RefundAsync(attempt, "10.00", StripeOutage.AnswerLost);
        var requested = Assert.Single(await RefundsAsync(attempt));
        var stripeRefund = Assert.Single(app.Stripe.Refunds, r => r.Value.PaymentIntent == pi).Key;
        await SendAsync("charge.refunded", new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "ch_" + pi,
            ["object"] = "charge",
            ["payment_intent"] = pi,
            ["amount_refunded"] = 1000,
            ["refunds"] = new System.Text.Json.Nodes.JsonObject { ["object"] = "list", ["has_more"] = false, ["data"] = new System.Text.Json.Nodes.JsonArray(StripeWebhook.Refund(stripeRefund, pi, 1000, "succeeded", requested.Id.ToString())) },
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RefundStatus.Requested, requested.Status);
        Assert.Null(requested.ProviderRefundId);
        var refund = Assert.Single(await RefundsAsync(attempt));
        Assert.Equal(stripeRefund, refund.ProviderRefundId);
        Assert.Equal(RefundStatus.Succeeded, refund.Status);
        Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id), l => l.Type == RentTransactionType.Refund);
        Assert.Equal(10m, (await RentDb.AttemptAsync(app.Factory, attempt)).RefundedAmount);
    }

    [Fact]
    public async Task Reconciliation_sends_a_refund_stripe_never_received_again_with_the_same_key_and_body_then_follows_it()
    {
        var (tenancy, attempt, pi) = await PaidAsync();
        await RefundAsync(attempt, "12.00", StripeOutage.Unreachable);
        var requested = Assert.Single(await RefundsAsync(attempt));
        await RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentRefunds.Where(r => r.Id == requested.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestedAt, app.Factory.UtcNow.AddHours(-1))));
        var reconciliation = ActivatorUtilities.CreateInstance<PaymentReconciliationService>(app.Factory.Services);

        await reconciliation.ReconcileOnceAsync(CancellationToken.None);
        var sent = Assert.Single(await RefundsAsync(attempt));
        app.Stripe.Refunds[sent.ProviderRefundId!] = app.Stripe.Refunds[sent.ProviderRefundId!] with { Status = "succeeded" };
        await RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentRefunds.Where(r => r.Id == requested.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastCheckedAt, app.Factory.UtcNow.AddHours(-1))));
        await reconciliation.ReconcileOnceAsync(CancellationToken.None);

        var attempts = app.Stripe.Requests.Where(r => r.Path == "/v1/refunds" && r.Method == "POST" && r.Form["payment_intent"] == pi).ToList();
        Assert.True(attempts.Count >= 2);
        Assert.All(attempts, r => Assert.Equal(StripePaymentGateway.RefundIdempotencyKey(requested.Id), r.IdempotencyKey));
        Assert.Single(attempts.Select(r => r.Body).Distinct());
        Assert.Equal(RefundStatus.Pending, sent.Status);
        Assert.Equal(RefundStatus.Succeeded, Assert.Single(await RefundsAsync(attempt)).Status);
        Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id), l => l.Type == RentTransactionType.Refund && l.Amount == 12m);
    }

    [Fact]
    public async Task A_chargeback_reverses_the_payment_shows_on_the_officers_list_is_audited_and_a_won_dispute_credits_it_again_once()
    {
        var (tenancy, attempt, pi) = await PaidAsync("40.00", 4000);
        var dispute = "dp_" + Guid.NewGuid().ToString("N")[..12];

        Assert.Equal(HttpStatusCode.OK, await SendAsync("charge.dispute.created", StripeWebhook.Dispute(dispute, pi, 4000, "needs_response")));
        Assert.Equal(HttpStatusCode.OK, await SendAsync("charge.dispute.funds_withdrawn", StripeWebhook.Dispute(dispute, pi, 4000, "needs_response")));
        var disputed = await RentDb.BalanceAsync(app.Factory, tenancy.Id);
        var officer = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);
        var list = await officer.GetDocumentAsync($"/admin/payments?Tenancy={tenancy.Reference}&Disputed=true");
        Assert.Equal(HttpStatusCode.OK, await SendAsync("charge.dispute.closed", StripeWebhook.Dispute(dispute, pi, 4000, "won")));
        Assert.Equal(HttpStatusCode.OK, await SendAsync("charge.dispute.funds_reinstated", StripeWebhook.Dispute(dispute, pi, 4000, "won")));

        Assert.Equal(100m, disputed); // 100 owed, paid 40, taken back 40
        Assert.Equal(60m, await RentDb.BalanceAsync(app.Factory, tenancy.Id));
        var lines = await RentDb.PortalLinesAsync(app.Factory, tenancy.Id);
        Assert.Single(lines, l => l.ProviderReference == dispute + ":reversal" && l.Amount == 40m);
        Assert.Single(lines, l => l.ProviderReference == dispute + ":won" && l.Amount == -40m);
        var row = Assert.Single(list.QuerySelectorAll("table tbody tr"));
        Assert.Contains("Disputed: needs response", row.TextContent, StringComparison.Ordinal);
        var audit = await RentDb.QueryAsync(app.Factory, (_, p) => p.AuditLog.AsNoTracking().Where(a => a.RecordId == attempt.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("payment.dispute-opened", audit);
        Assert.Contains("payment.dispute-won", audit);
        await RentDb.AssertBalanceMatchesLinesAsync(app.Factory, tenancy.Id);
    }

    [Fact]
    public async Task An_inquiry_moves_no_money_and_a_lost_bacs_claim_stays_reversed()
    {
        var (tenancy, attempt, pi) = await PaidAsync("40.00", 4000);
        var inquiry = "dp_inq_" + Guid.NewGuid().ToString("N")[..8];
        var claim = "dp_bacs_" + Guid.NewGuid().ToString("N")[..8];

        await SendAsync("charge.dispute.created", StripeWebhook.Dispute(inquiry, pi, 4000, "warning_needs_response"));
        var afterInquiry = await RentDb.BalanceAsync(app.Factory, tenancy.Id);
        await SendAsync("charge.dispute.created", StripeWebhook.Dispute(claim, pi, 4000, "lost", "general"));
        await SendAsync("charge.dispute.closed", StripeWebhook.Dispute(claim, pi, 4000, "lost", "general"));

        Assert.Equal(60m, afterInquiry);
        Assert.Equal(100m, await RentDb.BalanceAsync(app.Factory, tenancy.Id));
        Assert.Equal(2, await RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentDisputes.CountAsync(d => d.PaymentAttemptId == attempt)));
        Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id), l => l.Type == RentTransactionType.Adjustment);
    }
}
