using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Payments;

namespace TenantPortal.Tests.Rent;

public sealed class AdminPaymentsTests(StripeAppFixture app) : IClassFixture<StripeAppFixture>
{
    private async Task<(TestTenancy Tenancy, Guid Attempt, string PaymentIntent)> PaidAsync(string amount, long pence)
    {
        var (client, tenancy) = await app.SignedInTenantAsync(100m);
        var attempt = await PayJourney.ChooseAmountAsync(client, amount);
        await PayJourney.PayAsync(client, attempt);
        var session = (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId!;
        var pi = $"pi_admin_{attempt:N}";
        await StripeWebhook.PostAsync(app.Factory.CreateClient(), StripeWebhook.Event("evt_" + Guid.NewGuid().ToString("N"), "checkout.session.completed", StripeWebhook.Completed(session, attempt, pi, pence)));
        return (tenancy, attempt, pi);
    }

    [Fact]
    public async Task Officers_see_payments_filtered_by_tenancy_with_the_rent_account_line()
    {
        var (tenancy, attempt, _) = await PaidAsync("45.00", 4500);
        var officer = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);

        var list = await officer.GetDocumentAsync($"/admin/payments?Tenancy={tenancy.Reference}&Status=Succeeded");
        var detail = await officer.GetDocumentAsync($"/admin/payments/{attempt}");

        var row = Assert.Single(list.QuerySelectorAll("table tbody tr"));
        Assert.Contains(Money.PaymentReference(attempt), row.TextContent, StringComparison.Ordinal);
        Assert.Contains("£45.00", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Line ", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Payment online, thank you", detail.QuerySelector("#rent-line").Text(), StringComparison.Ordinal);
        Assert.Null(detail.QuerySelector("form[action$='/refund']"));
    }

    [Fact]
    public async Task Officers_list_shows_the_tenant_name_hides_abandoned_attempts_unless_asked_and_lays_filters_out_like_the_repairs_queue()
    {
        var (tenancy, paid, _) = await PaidAsync("45.00", 4500);
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client, tenancy.Email);
        var abandoned = await PayJourney.ChooseAmountAsync(client, "12.00"); // stopped at "check your payment"
        var officer = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);

        var byDefault = await officer.GetDocumentAsync($"/admin/payments?Tenancy={tenancy.Reference}");
        var all = await officer.GetDocumentAsync($"/admin/payments?Tenancy={tenancy.Reference}&Status=all");
        var badDate = await officer.GetAsync(new Uri($"/admin/payments?Tenancy={tenancy.Reference}&To=9999-12-31", UriKind.Relative));

        var row = Assert.Single(byDefault.QuerySelectorAll("table tbody tr"));
        Assert.Contains(Money.PaymentReference(paid), row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Test Tenant", row.QuerySelector(".tenant-name").Text());
        Assert.Equal(2, all.QuerySelectorAll("table tbody tr").Length);
        Assert.Contains(all.QuerySelectorAll("table tbody tr"), r => r.TextContent.Contains(Money.PaymentReference(abandoned), StringComparison.Ordinal));
        var filters = byDefault.QuerySelector("form.filters[role=search]")!;
        Assert.NotNull(filters.QuerySelector(".filters__actions a[href='/admin/payments']"));
        Assert.Equal("Apply filters", filters.QuerySelector(".filters__actions button").Text());
        Assert.NotNull(byDefault.QuerySelector("#result-count"));
        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        Assert.Equal(["The end date must be between 1 January 2000 and 31 December 2099"], (await badDate.GetDocumentAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Officers_cannot_refund_and_tenants_cannot_see_the_list()
    {
        var (_, attempt, _) = await PaidAsync("45.00", 4500);
        var officer = app.Factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);
        var (tenant, _) = await app.SignedInTenantAsync();

        var token = await officer.AntiforgeryTokenAsync("/account/change-password");
        var refund = await officer.PostAsync(new Uri($"/admin/payments/{attempt}/refund", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Form.Amount"] = "10" }));
        var tenantList = await tenant.GetAsync(new Uri("/admin/payments", UriKind.Relative));

        Assert.True(refund.StatusCode == HttpStatusCode.Forbidden || refund.Headers.Location?.OriginalString.Contains("/error/403", StringComparison.Ordinal) == true, $"Officer refund got {(int)refund.StatusCode} {refund.Headers.Location}");
        Assert.Equal(0, await RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentRefunds.CountAsync(r => r.PaymentAttemptId == attempt)));
        Assert.NotEqual(HttpStatusCode.OK, tenantList.StatusCode);
    }

    [Fact]
    public async Task Administrator_refund_goes_to_stripe_and_is_posted_once_when_stripe_confirms_it()
    {
        var (tenancy, attempt, pi) = await PaidAsync("45.00", 4500);
        var admin = app.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(admin);

        var tooMuch = await (await admin.SubmitFormAsync($"/admin/payments/{attempt}", new Dictionary<string, string> { ["Form.Amount"] = "45.01" })).GetDocumentAsync();
        var check = await (await admin.SubmitFormAsync($"/admin/payments/{attempt}", new Dictionary<string, string> { ["Form.Amount"] = "20", ["Form.Reason"] = "requested_by_customer" })).GetDocumentAsync();
        var nothingSentBeforeConfirming = app.Stripe.Requests.Count(r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == pi);
        var response = await admin.SubmitFormAsync(check, new Dictionary<string, string>());
        var resubmitted = await admin.SubmitFormAsync(check, new Dictionary<string, string>());

        Assert.Equal(["The amount must be £45.00 or less", "Select why you are refunding this payment"], tooMuch.ErrorSummary());
        Assert.Equal("Check the refund", check.QuerySelector("h1").Text());
        Assert.Equal("£20.00", check.QuerySelector("#refund-amount").Text());
        Assert.Contains("The tenant asked for it", check.QuerySelector("#refund-reason").Text(), StringComparison.Ordinal);
        Assert.Equal(0, nothingSentBeforeConfirming);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        var request = Assert.Single(app.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == pi);
        Assert.Equal("2000", request.Form["amount"]);
        Assert.Equal("requested_by_customer", request.Form["reason"]);
        var refund = await RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentRefunds.AsNoTracking().SingleAsync(r => r.PaymentAttemptId == attempt));
        Assert.Equal($"tp-refund-{refund.Id:N}", request.IdempotencyKey);
        Assert.Equal(RefundStatus.Pending, refund.Status);
        Assert.Equal("requested_by_customer", refund.Reason);
        Assert.Equal("Chris Admin", refund.RequestedBy);
        Assert.Equal(1, await RentDb.QueryAsync(app.Factory, (_, p) => p.AuditLog.CountAsync(a => a.RecordId == attempt.ToString() && a.Action == "payment.refund-requested")));
        Assert.DoesNotContain(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id), l => l.Type == RentTransactionType.Refund);

        var confirm = StripeWebhook.Event("evt_" + Guid.NewGuid().ToString("N"), "charge.refunded", StripeWebhook.RefundedCharge(pi, (refund.ProviderRefundId!, 2000)));
        await StripeWebhook.PostAsync(app.Factory.CreateClient(), confirm);
        await StripeWebhook.PostAsync(app.Factory.CreateClient(), confirm);

        var line = Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id), l => l.Type == RentTransactionType.Refund);
        Assert.Equal(20m, line.Amount);
        Assert.Equal(RefundStatus.Succeeded, (await RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentRefunds.AsNoTracking().SingleAsync(r => r.PaymentAttemptId == attempt))).Status);
        Assert.Equal(100m - 45m + 20m, await RentDb.BalanceAsync(app.Factory, tenancy.Id));
        await RentDb.AssertBalanceMatchesLinesAsync(app.Factory, tenancy.Id);
    }
}
