using System.Net;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Tests.Rent;

public sealed class StripeCheckoutTests(StripeAppFixture app) : IClassFixture<StripeAppFixture>
{
    [Fact]
    public async Task Paying_creates_a_checkout_session_in_pence_with_the_attempt_reference_and_an_idempotency_key()
    {
        var (client, tenancy) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "£1,234.50");

        var response = await PayJourney.PayAsync(client, attempt);

        var request = app.Stripe.Requests.Single(r => r.Path == "/v1/checkout/sessions" && r.Form["client_reference_id"] == attempt.ToString());
        Assert.Equal("POST", request.Method);
        Assert.Equal("Bearer " + FakeStripe.SecretKey, request.Authorization);
        Assert.Equal("payment", request.Form["mode"]);
        Assert.Equal("123450", request.Form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("gbp", request.Form["line_items[0][price_data][currency]"]);
        Assert.Equal("1", request.Form["line_items[0][quantity]"]);
        Assert.Equal("Rent payment", request.Form["line_items[0][price_data][product_data][name]"]);
        Assert.Contains(tenancy.Reference, request.Form["line_items[0][price_data][product_data][description]"], StringComparison.Ordinal);
        Assert.Equal(tenancy.Reference, request.Form["metadata[tenancy_reference]"]);
        Assert.Equal(attempt.ToString(), request.Form["metadata[payment_attempt_id]"]);
        Assert.Equal($"tp-checkout-{attempt:N}-hosted", request.IdempotencyKey);
        Assert.Equal($"https://localhost/rent/pay/complete?attempt={attempt}&session_id={{CHECKOUT_SESSION_ID}}", request.Form["success_url"]);
        Assert.Equal($"https://localhost/rent/pay/cancelled?attempt={attempt}", request.Form["cancel_url"]);
        Assert.Equal("card", request.Form["allowed_payment_method_types[0]"]);
        Assert.False(request.Form.ContainsKey("ui_mode"));

        // Without JavaScript the browser goes to Stripe's hosted page.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://checkout.stripe.com/c/pay/cs_test_", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var stored = await RentDb.AttemptAsync(app.Factory, attempt);
        Assert.Equal(PaymentStatus.Open, stored.Status);
        Assert.Equal(1234.50m, stored.Amount);
        Assert.StartsWith("cs_test_", stored.ProviderSessionId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_JavaScript_checkout_is_embedded_on_our_page_with_stripe_allowed_by_the_csp_on_that_page_only()
    {
        var (client, _) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "10");

        var checkPage = await client.GetAsync(new Uri($"/rent/pay/check?attempt={attempt}", UriKind.Relative));
        var response = await PayJourney.PayAsync(client, attempt, new Dictionary<string, string> { ["embedded"] = "true" });
        var document = await response.GetDocumentAsync();

        var request = app.Stripe.Requests.Single(r => r.Path == "/v1/checkout/sessions" && r.Form["client_reference_id"] == attempt.ToString());
        Assert.Equal("embedded_page", request.Form["ui_mode"]);
        Assert.Equal($"https://localhost/rent/pay/complete?attempt={attempt}&session_id={{CHECKOUT_SESSION_ID}}", request.Form["return_url"]);
        Assert.False(request.Form.ContainsKey("success_url"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mount = document.QuerySelector("#checkout")!;
        Assert.EndsWith("_secret_abc", mount.GetAttribute("data-client-secret"), StringComparison.Ordinal);
        Assert.Equal(FakeStripe.PublishableKey, mount.GetAttribute("data-stripe-key"));
        Assert.NotNull(document.QuerySelector("script[src='https://js.stripe.com/v3/']"));
        Assert.Empty(document.QuerySelectorAll("script:not([src])"));
        Assert.Contains("https://js.stripe.com", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://checkout.stripe.com", checkPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var rentPage = await client.GetAsync(new Uri("/rent", UriKind.Relative));
        Assert.DoesNotContain("stripe.com", rentPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_amount_at_the_pay_step_does_not_change_what_is_charged()
    {
        var (client, _) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "25.00");

        await PayJourney.PayAsync(client, attempt, new Dictionary<string, string> { ["Amount"] = "0.01", ["Form.Amount"] = "0.01", ["amount"] = "-5" });

        var request = app.Stripe.Requests.Single(r => r.Path == "/v1/checkout/sessions" && r.Form["client_reference_id"] == attempt.ToString());
        Assert.Equal("2500", request.Form["line_items[0][price_data][unit_amount]"]);
    }

    [Fact]
    public async Task Bacs_Direct_Debit_is_offered_when_the_landlord_enables_it()
    {
        var stripe = new FakeStripe();
        using var factory = FakeStripe.CreateFactory(stripe, bacs: true);
        var (client, _) = await StripeAppFixture.SignIn(factory, 100m);
        var attempt = await PayJourney.ChooseAmountAsync(client, "10");

        await PayJourney.PayAsync(client, attempt);

        var request = stripe.Requests.Single(r => r.Path == "/v1/checkout/sessions");
        Assert.Equal("card", request.Form["allowed_payment_method_types[0]"]);
        Assert.Equal("bacs_debit", request.Form["allowed_payment_method_types[1]"]);
    }

    [Fact]
    public async Task Return_page_asks_stripe_and_posts_the_payment_once_however_often_it_is_loaded()
    {
        var (client, tenancy) = await app.SignedInTenantAsync(balance: 150m);
        var attempt = await PayJourney.ChooseAmountAsync(client, "40");
        await PayJourney.PayAsync(client, attempt);
        var session = (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId!;

        // Before Stripe says it is paid, a forged "success" URL posts nothing.
        var early = await client.GetDocumentAsync($"/rent/pay/complete?attempt={attempt}&session_id={session}&status=paid");
        Assert.Equal("You have not finished paying", early.QuerySelector("h1").Text());
        Assert.Empty(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));

        app.Stripe.Paid(session, $"pi_{attempt:N}", 4000);
        var first = await client.GetDocumentAsync($"/rent/pay/complete?attempt={attempt}&session_id={session}");
        var second = await client.GetDocumentAsync($"/rent/pay/complete?attempt={attempt}&session_id={session}");

        Assert.Equal("Payment received", first.QuerySelector("h1").Text());
        Assert.Equal("£40.00", first.QuerySelector("#paid-amount").Text());
        Assert.Contains("You owe £110.00", first.NormalisedText(), StringComparison.Ordinal);
        Assert.Equal("Payment received", second.QuerySelector("h1").Text());
        var line = Assert.Single(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
        Assert.Equal(-40m, line.Amount);
        Assert.Equal(RentTransactionType.Payment, line.Type);
        Assert.Equal($"pi_{attempt:N}", line.ProviderReference);
        Assert.Equal(110m, await RentDb.BalanceAsync(app.Factory, tenancy.Id));
        await RentDb.AssertBalanceMatchesLinesAsync(app.Factory, tenancy.Id);
        var stored = await RentDb.AttemptAsync(app.Factory, attempt);
        Assert.Equal(PaymentStatus.Succeeded, stored.Status);
        Assert.Equal(line.Id, stored.RentTransactionId);
        var emails = await RentDb.QueryAsync(app.Factory, (_, p) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(p.EmailOutbox, m => m.To == tenancy.Email && m.Subject.Contains("rent payment")));
        Assert.Equal(1, emails);
    }

    [Fact]
    public async Task Cancelling_on_stripe_says_so_and_offers_to_try_again()
    {
        var (client, _) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "12.5");
        await PayJourney.PayAsync(client, attempt);

        var page = await client.GetDocumentAsync($"/rent/pay/cancelled?attempt={attempt}");

        Assert.Equal("Your payment was cancelled", page.QuerySelector("h1").Text());
        Assert.Equal("/rent/pay", page.QuerySelector("a.button")?.GetAttribute("href"));
        Assert.Equal(PaymentStatus.Cancelled, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
    }

    [Fact]
    public async Task Another_tenancys_payment_attempt_is_not_found()
    {
        var (owner, _) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(owner, "30");
        var (other, _) = await app.SignedInTenantAsync();

        foreach (var url in new[] { $"/rent/pay/check?attempt={attempt}", $"/rent/pay/complete?attempt={attempt}", $"/rent/pay/cancelled?attempt={attempt}" })
        {
            var response = await other.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var token = await other.AntiforgeryTokenAsync("/rent/pay");
        var post = await other.PostAsync(new Uri("/rent/pay/check", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["attempt"] = attempt.ToString() }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain(app.Stripe.Requests, r => r.Form.GetValueOrDefault("client_reference_id") == attempt.ToString());
    }
}
