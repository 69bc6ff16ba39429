using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Payments;

namespace TenantPortal.Tests.Rent;

public sealed class PaymentAmountTests
{
    [Theory]
    [InlineData("£12.50", 12.50)]
    [InlineData("12.5", 12.50)]
    [InlineData("1,200.00", 1200.00)]
    [InlineData(" 1 ", 1.00)]
    [InlineData("5000", 5000.00)]
    [InlineData("£ 99.99", 99.99)]
    public void Accepts_amounts_as_people_type_them(string input, decimal expected)
    {
        Assert.True(PaymentAmount.TryParse(input, out var amount, out var error), error);
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("", "Enter how much you want to pay")]
    [InlineData("abc", "Enter an amount in pounds and pence, like 25.50")]
    [InlineData("12,50", "Enter an amount in pounds and pence, like 25.50")]
    [InlineData("1e3", "Enter an amount in pounds and pence, like 25.50")]
    [InlineData("12.505", "Enter the amount to no more than 2 decimal places, like 25.50")]
    [InlineData("0.99", "The amount must be £1.00 or more")]
    [InlineData("-10", "The amount must be £1.00 or more")]
    [InlineData("5000.01", "The amount must be £5,000.00 or less")]
    [InlineData("99999999999999999999999999999", "The amount must be £5,000.00 or less")]
    public void Rejects_amounts_with_a_clear_message(string input, string message)
    {
        Assert.False(PaymentAmount.TryParse(input, out _, out var error));
        Assert.Equal(message, error);
    }
}

public sealed class PayTests(TestGatewayAppFixture app) : IClassFixture<TestGatewayAppFixture>
{
    [Fact]
    public async Task The_amount_box_has_a_pound_sign_before_it_that_screen_readers_skip()
    {
        var (client, _) = await app.SignedInTenantAsync();

        var page = await client.GetDocumentAsync("/rent/pay");

        var prefix = page.QuerySelector("#Form_Amount")?.PreviousElementSibling;
        Assert.Equal("£", prefix?.Text());
        Assert.Equal("true", prefix?.GetAttribute("aria-hidden"));
    }

    [Theory]
    [InlineData(123.45, "123.45")]
    [InlineData(-20, "100.00")] // in credit: a week's charges
    [InlineData(0, "100.00")]
    public async Task Amount_defaults_to_what_is_owed_or_a_weeks_charges(decimal balance, string expected)
    {
        var (client, _) = await app.SignedInTenantAsync(balance);

        var page = await client.GetDocumentAsync("/rent/pay");

        Assert.Equal(expected, page.QuerySelector("#Form_Amount")?.GetAttribute("value"));
        Assert.Contains("Test payments", page.NormalisedText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5", "The amount must be £1.00 or more")]
    [InlineData("100000", "The amount must be £5,000.00 or less")]
    [InlineData("10.999", "Enter the amount to no more than 2 decimal places, like 25.50")]
    [InlineData("ten pounds", "Enter an amount in pounds and pence, like 25.50")]
    public async Task Invalid_or_tampered_amounts_are_rejected_server_side_and_nothing_is_started(string amount, string message)
    {
        var (client, tenancy) = await app.SignedInTenantAsync();

        var response = await client.SubmitFormAsync("/rent/pay", new Dictionary<string, string> { ["Form.Amount"] = amount });
        var page = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([message], page.ErrorSummary());
        Assert.Equal(message, page.FieldError("Form_Amount"));
        Assert.Equal(amount, page.QuerySelector("#Form_Amount")?.GetAttribute("value"));
        Assert.Equal(0, await RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentAttempts.CountAsync(a => a.TenancyId == tenancy.Id)));
    }

    [Fact]
    public async Task Check_your_payment_shows_the_amount_held_server_side()
    {
        var (client, tenancy) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "1,200.00");

        var page = await client.GetDocumentAsync($"/rent/pay/check?attempt={attempt}");

        Assert.Equal("Check your payment", page.QuerySelector("h1").Text());
        Assert.Equal("£1,200.00", page.QuerySelector("#amount").Text());
        Assert.Null(page.QuerySelector("form[data-pay-form] input[name*=mount]"));
        Assert.Contains(tenancy.Reference, page.NormalisedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_gateway_payment_refunded_after_the_check_step_is_posted_at_once_and_the_tenant_is_emailed()
    {
        var (client, tenancy) = await app.SignedInTenantAsync(balance: 150m);
        var attempt = await PayJourney.ChooseAmountAsync(client, "30");
        var toGateway = await PayJourney.PayAsync(client, attempt);
        await client.SubmitFormAsync(toGateway.Headers.Location!.OriginalString, new Dictionary<string, string> { ["outcome"] = "succeed" });
        var admin = app.Factory.CreateBrowserClient();
        await SignIn.AsAdministratorAsync(admin);

        var check = await (await admin.SubmitFormAsync($"/admin/payments/{attempt}", new Dictionary<string, string> { ["Form.Amount"] = "12.50", ["Form.Reason"] = "other", ["Form.Note"] = "Overpaid, tenancy ended" })).GetDocumentAsync();
        var done = await admin.SubmitFormAsync(check, new Dictionary<string, string>());
        var detail = await admin.GetDocumentAsync(done.Headers.Location!.OriginalString);

        Assert.Contains("made and posted to the rent account", detail.NormalisedText(), StringComparison.Ordinal);
        Assert.Contains("Overpaid, tenancy ended", detail.QuerySelector("#refunds")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id), l => l.Type == RentTransactionType.Refund && l.Amount == 12.50m);
        Assert.Equal(150m - 30m + 12.50m, await RentDb.BalanceAsync(app.Factory, tenancy.Id));
        Assert.Equal(1, await RentDb.QueryAsync(app.Factory, (_, p) => p.EmailOutbox.CountAsync(m => m.To == tenancy.Email && m.Subject == "We have refunded £12.50")));
    }

    [Fact]
    public async Task Test_gateway_success_posts_through_the_same_path_and_shows_the_receipt()
    {
        var (client, tenancy) = await app.SignedInTenantAsync(balance: 150m);
        var attempt = await PayJourney.ChooseAmountAsync(client, "10");

        var toGateway = await PayJourney.PayAsync(client, attempt, new Dictionary<string, string> { ["embedded"] = "true" });
        Assert.Equal($"/rent/pay/test-gateway?attempt={attempt}", toGateway.Headers.Location?.OriginalString);
        var gateway = await client.GetDocumentAsync(toGateway.Headers.Location!.OriginalString);
        Assert.Contains("Test payments: no real money", gateway.NormalisedText(), StringComparison.Ordinal);
        var back = await client.SubmitFormAsync(gateway, new Dictionary<string, string> { ["outcome"] = "succeed" });
        var receipt = await client.GetDocumentAsync(back.Headers.Location!.OriginalString);
        await client.SubmitFormAsync(gateway, new Dictionary<string, string> { ["outcome"] = "succeed" });

        Assert.Equal("Payment received", receipt.QuerySelector("h1").Text());
        Assert.Equal(Money.PaymentReference(attempt), receipt.QuerySelector("#payment-reference").Text());
        Assert.Contains("You owe £140.00", receipt.NormalisedText(), StringComparison.Ordinal);
        var line = Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
        Assert.Equal(TestPaymentGateway.PaymentIntentId(attempt), line.ProviderReference);
        Assert.Equal(RentTransactionType.Payment, line.Type);
        await RentDb.AssertBalanceMatchesLinesAsync(app.Factory, tenancy.Id);
        var statement = await client.GetDocumentAsync("/rent/statement");
        Assert.Equal("Payment online, thank you", statement.QuerySelector("table.statement tbody tr td:nth-child(2)").Text());
    }

    [Theory]
    [InlineData("fail", "Your payment did not go through", PaymentStatus.Failed)]
    [InlineData("cancel", "Your payment was cancelled", PaymentStatus.Cancelled)]
    public async Task Test_gateway_failure_or_cancel_says_so_and_offers_to_try_again(string outcome, string heading, PaymentStatus status)
    {
        var (client, tenancy) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "10");
        var toGateway = await PayJourney.PayAsync(client, attempt);

        var back = await client.SubmitFormAsync(toGateway.Headers.Location!.OriginalString, new Dictionary<string, string> { ["outcome"] = outcome });
        var page = await client.GetDocumentAsync(back.Headers.Location!.OriginalString);

        Assert.Equal(heading, page.QuerySelector("h1").Text());
        Assert.Equal("/rent/pay", page.QuerySelector("a.button")?.GetAttribute("href"));
        Assert.Equal(status, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
        Assert.Empty(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
    }

    [Fact]
    public async Task Without_stripe_keys_in_production_the_pay_page_gives_the_phone_number()
    {
        using var factory = new PortalAppFactory(settings: ProductionSettings.ForFactory(new Dictionary<string, string?> { ["Payments:RunReconciliation"] = "false", ["Email:SmtpHost"] = "localhost" }), environment: "Production");
        var tenancy = await RentAccountBuilder.Account().ForUserAsync(factory, $"prod-{Guid.NewGuid():N}@example.org");
        var client = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client, tenancy.Email);

        var page = await client.GetDocumentAsync("/rent/pay");
        var post = await client.PostAsync(new Uri("/rent/pay", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync("/account/change-password"), ["Form.Amount"] = "10" }));

        Assert.Contains("you cannot pay online at the moment", page.NormalisedText(), StringComparison.Ordinal);
        Assert.Contains("0300 123 4567", page.NormalisedText(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#Form_Amount"));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(0, await RentDb.QueryAsync(factory, (_, p) => p.PaymentAttempts.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/rent/pay/test-gateway?attempt={Guid.NewGuid()}", UriKind.Relative))).StatusCode);
    }
}
