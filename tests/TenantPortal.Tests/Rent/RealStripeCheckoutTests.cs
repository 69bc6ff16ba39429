using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Payments;

namespace TenantPortal.Tests.Rent;

/// <summary>Issue 18: the places where a real Stripe account behaves differently from a forgiving fake.</summary>
public sealed class RealStripeCheckoutTests(RealStripeFixture app) : IClassFixture<RealStripeFixture>
{
    private IEnumerable<RecordedRequest> SessionPosts(Guid attempt) =>
        app.Stripe.Requests.Where(r => r.Method == "POST" && r.Path == "/v1/checkout/sessions" && r.Form.GetValueOrDefault("client_reference_id") == attempt.ToString());

    [Fact]
    public async Task Paying_again_later_for_an_open_attempt_retrieves_its_session_instead_of_creating_another()
    {
        var (client, _) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "20.00");
        var checkPage = await client.GetDocumentAsync($"/rent/pay/check?attempt={attempt}");
        var first = await client.SubmitFormAsync(checkPage, new Dictionary<string, string>());

        app.Clock.Offset = TimeSpan.FromMinutes(2); // the browser resubmits the same form two minutes later
        HttpResponseMessage second;
        try
        {
            second = await client.SubmitFormAsync(checkPage, new Dictionary<string, string>());
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        Assert.Single(SessionPosts(attempt));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var session = (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId!;
        Assert.Contains(app.Stripe.Requests, r => r.Method == "GET" && r.Path == $"/v1/checkout/sessions/{session}");
    }

    [Fact]
    public async Task A_session_request_sent_again_after_a_lost_save_is_byte_for_byte_the_same_and_gets_the_same_session()
    {
        var (client, _) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "21.00");
        await PayJourney.PayAsync(client, attempt);
        var session = (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId;
        // Stripe made the session but our save of its id was lost (say the database failed): the tenant taps Pay again.
        await RentDb.QueryAsync(app.Factory, (_, p) => p.PaymentAttempts.Where(a => a.Id == attempt)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, PaymentStatus.Created).SetProperty(a => a.ProviderSessionId, (string?)null)));

        app.Clock.Offset = TimeSpan.FromMinutes(3);
        HttpResponseMessage again;
        try
        {
            again = await PayJourney.PayAsync(client, attempt);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        var posts = SessionPosts(attempt).ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Equal(posts[0].IdempotencyKey, posts[1].IdempotencyKey);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(session, (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId);
    }

    [Fact]
    public async Task Switching_from_the_embedded_form_to_the_hosted_page_expires_the_embedded_session_first()
    {
        var (client, _) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "22.00");
        var embedded = await (await PayJourney.PayAsync(client, attempt, new Dictionary<string, string> { ["embedded"] = "true" })).GetDocumentAsync();
        var embeddedSession = (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId!;

        // Stripe.js did not load: the page's fallback posts embedded=false.
        var hosted = await client.SubmitFormAsync(embedded, new Dictionary<string, string>(), "[data-checkout-fallback] form");

        Assert.Equal(HttpStatusCode.Redirect, hosted.StatusCode);
        Assert.StartsWith("https://checkout.stripe.com/c/pay/", hosted.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("expired", app.Stripe.SessionStates[embeddedSession].Status);
        Assert.Contains(app.Stripe.Requests, r => r.Method == "POST" && r.Path == $"/v1/checkout/sessions/{embeddedSession}/expire");
        var stored = await RentDb.AttemptAsync(app.Factory, attempt);
        Assert.NotEqual(embeddedSession, stored.ProviderSessionId);
        Assert.Equal(CheckoutUiModes.Hosted, stored.CheckoutUiMode);
        Assert.Equal(PaymentStatus.Open, stored.Status);
        Assert.Equal([$"tp-checkout-{attempt:N}-embedded", $"tp-checkout-{attempt:N}-hosted"], SessionPosts(attempt).Select(r => r.IdempotencyKey!).ToArray());
    }

    [Fact]
    public async Task The_embedded_page_offers_the_hosted_page_when_stripe_js_fails_and_allows_what_stripe_documents_on_that_page_only()
    {
        var (client, _) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "23.00");

        var response = await PayJourney.PayAsync(client, attempt, new Dictionary<string, string> { ["embedded"] = "true" });
        var page = await response.GetDocumentAsync();
        var rent = await client.GetAsync(new Uri("/rent", UriKind.Relative));

        var fallback = page.QuerySelector("[data-checkout-fallback]")!;
        Assert.True(fallback.HasAttribute("hidden"));
        Assert.Equal("/rent/pay/check", fallback.QuerySelector("form")!.GetAttribute("action"));
        Assert.Equal("false", fallback.QuerySelector("input[name=embedded]")!.GetAttribute("value"));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches("script-src [^;]*https://\\*\\.js\\.stripe\\.com", csp);
        Assert.Matches("script-src [^;]*https://checkout\\.stripe\\.com", csp);
        Assert.Matches("frame-src [^;]*https://hooks\\.stripe\\.com", csp);
        Assert.Matches("img-src [^;]*https://\\*\\.stripe\\.com", csp);
        Assert.Contains("payment=(self \"https://js.stripe.com\" \"https://checkout.stripe.com\")", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("stripe.com", rent.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("payment=()", rent.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_urls_come_from_the_public_base_url_not_the_request_host()
    {
        var client = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://evil.example") });
        var tenancy = await RentAccountBuilder.Account().WithBalance(100m).ForUserAsync(app.Factory, $"tenant-{Guid.NewGuid():N}@example.org");
        await SignIn.AsTenantAsync(client, tenancy.Email);
        var attempt = await PayJourney.ChooseAmountAsync(client, "24.00");

        await PayJourney.PayAsync(client, attempt);

        var request = Assert.Single(SessionPosts(attempt));
        Assert.Equal($"{RealStripeFixture.PublicBaseUrl}/rent/pay/complete?attempt={attempt}&session_id={{CHECKOUT_SESSION_ID}}", request.Form["success_url"]);
        Assert.Equal($"{RealStripeFixture.PublicBaseUrl}/rent/pay/cancelled?attempt={attempt}", request.Form["cancel_url"]);
    }

    [Fact]
    public async Task Cancelling_expires_the_session_at_stripe_so_the_old_tab_cannot_take_the_money()
    {
        var (client, _) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "25.00");
        await PayJourney.PayAsync(client, attempt);
        var session = (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId!;

        var page = await client.GetDocumentAsync($"/rent/pay/cancelled?attempt={attempt}");

        Assert.Equal("Your payment was cancelled", page.QuerySelector("h1").Text());
        Assert.Contains(app.Stripe.Requests, r => r.Method == "POST" && r.Path == $"/v1/checkout/sessions/{session}/expire");
        Assert.Equal("expired", app.Stripe.SessionStates[session].Status);
        var stored = await RentDb.AttemptAsync(app.Factory, attempt);
        Assert.Equal(PaymentStatus.Cancelled, stored.Status);
        Assert.NotNull(stored.ProviderClosedAt);
    }

    [Fact]
    public async Task A_request_stripe_refuses_gets_an_honest_message_and_is_not_retried_or_called_an_outage()
    {
        var (client, _) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "26.00");
        // Someone else's request already used this attempt's key with other parameters: Stripe answers 400.
        using (var other = new HttpClient(app.Stripe, disposeHandler: false))
        {
            using var clash = new HttpRequestMessage(HttpMethod.Post, "https://api.stripe.com/v1/checkout/sessions")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["client_reference_id"] = "someone-else", ["line_items[0][price_data][unit_amount]"] = "1" }),
            };
            clash.Headers.Add("Idempotency-Key", StripePaymentGateway.CheckoutIdempotencyKey(attempt, CheckoutUiModes.Hosted));
            await other.SendAsync(clash);
        }

        var response = await PayJourney.PayAsync(client, attempt);
        var page = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("Your payment could not be started", page.QuerySelector("h1").Text());
        Assert.DoesNotContain("not answering", page.NormalisedText(), StringComparison.Ordinal);
        Assert.Contains("0300", page.NormalisedText(), StringComparison.Ordinal);
        Assert.Single(SessionPosts(attempt));
        var stored = await RentDb.AttemptAsync(app.Factory, attempt);
        Assert.Equal(PaymentStatus.Failed, stored.Status);
        Assert.Equal(PaymentProviderFailure.Refused, stored.FailureReason);
    }

    [Fact]
    public async Task A_live_session_answered_to_a_test_instance_is_refused_and_nothing_is_posted()
    {
        var (client, tenancy) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "27.00");
        await PayJourney.PayAsync(client, attempt);
        var session = (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId!;
        app.Stripe.Paid(session, $"pi_live_{attempt:N}", 2700);

        app.Stripe.Livemode = true;
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(new Uri($"/rent/pay/complete?attempt={attempt}", UriKind.Relative));
        }
        finally
        {
            app.Stripe.Livemode = false;
        }

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("We could not check your payment", (await response.GetDocumentAsync()).QuerySelector("h1").Text());
        Assert.Empty(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
        Assert.Equal(PaymentStatus.Open, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
    }

    [Fact]
    public async Task An_event_with_the_wrong_livemode_is_refused_and_changes_nothing()
    {
        var (client, tenancy) = await app.SignedInTenantAsync();
        var attempt = await PayJourney.ChooseAmountAsync(client, "28.00");
        await PayJourney.PayAsync(client, attempt);
        var session = (await RentDb.AttemptAsync(app.Factory, attempt)).ProviderSessionId!;
        var payload = StripeWebhook.Event("evt_" + Guid.NewGuid().ToString("N"), "checkout.session.completed", StripeWebhook.Completed(session, attempt, "pi_wrong_mode", 2800), livemode: true);

        var response = await StripeWebhook.PostAsync(app.Factory.CreateClient(), payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await RentDb.PortalLinesAsync(app.Factory, tenancy.Id));
        Assert.Equal(PaymentStatus.Open, (await RentDb.AttemptAsync(app.Factory, attempt)).Status);
    }
}

/// <summary>The fake itself must hold to Stripe's rules, or no test can see a broken request.</summary>
public sealed class FakeStripeTests
{
    [Fact]
    public async Task The_same_idempotency_key_with_a_different_body_gets_stripes_400_idempotency_error()
    {
        var stripe = new FakeStripe();
        using var http = new HttpClient(stripe);
        HttpRequestMessage Create(string amount)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "https://api.stripe.com/v1/checkout/sessions")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["client_reference_id"] = "abcdefgh-1", ["line_items[0][price_data][unit_amount]"] = amount }),
            };
            request.Headers.Add("Idempotency-Key", "tp-test-key");
            return request;
        }

        var first = await http.SendAsync(Create("100"));
        var replay = await http.SendAsync(Create("100"));
        var different = await http.SendAsync(Create("101"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, different.StatusCode);
        Assert.Contains("\"idempotency_error\"", await different.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(stripe.SessionStates);
    }
}
