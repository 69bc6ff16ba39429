using System.Net;
using Microsoft.EntityFrameworkCore;
using TenantPortal.Tests.Admin;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Security;

/// <summary>ASVS V4.1.1/V4.1.3/V4.2.2: who may call what, and antiforgery on every POST. The endpoints come from the
/// running app's EndpointDataSource, so a new admin page or POST action is covered the day it is added.</summary>
public sealed class AccessControlTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    private IReadOnlyList<PortalEndpoint> Endpoints => EndpointCatalogue.All(app.Factory);

    private async Task<HttpClient> ClientAsync(string role)
    {
        var client = app.Factory.CreateBrowserClient();
        switch (role)
        {
            case "tenant":
                await SignIn.AsTenantAsync(client);
                break;
            case "officer":
                await SignIn.AsOfficerAsync(client);
                break;
            case "administrator":
                await SignIn.AsAdministratorAsync(client);
                break;
        }

        return client;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, PortalEndpoint endpoint, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(endpoint.Url, UriKind.Relative));
        if (endpoint.Method == "POST")
        {
            request.Content = new FormUrlEncodedContent(token is null ? [] : [new("__RequestVerificationToken", token)]);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public void The_catalogue_finds_the_admin_area_and_the_tenant_pages()
    {
        var urls = Endpoints.Select(e => e.ToString()).ToList();

        Assert.Contains("GET /admin/officers", urls);
        Assert.Contains("POST /admin/payments/00000000-0000-0000-0000-000000000000/refund", urls);
        Assert.Contains("POST /repairs/report/photos", urls);
        Assert.True(Endpoints.Count(e => e.Pattern.StartsWith("admin", StringComparison.Ordinal) || e.Pattern.StartsWith("/admin", StringComparison.Ordinal)) >= 20);
    }

    [Theory]
    [InlineData("tenant", HttpStatusCode.Forbidden)]
    [InlineData("anonymous", HttpStatusCode.Redirect)]
    public async Task Every_admin_url_refuses_a_tenant_with_403_and_sends_anonymous_visitors_to_sign_in(string role, HttpStatusCode expected)
    {
        var client = await ClientAsync(role);
        var token = await client.AntiforgeryTokenAsync("/account/forgotten-password");
        var failures = new List<string>();

        foreach (var endpoint in Endpoints.Where(e => e.StaffOnly))
        {
            var response = await SendAsync(client, endpoint, token);
            var ok = response.StatusCode == expected
                && (expected != HttpStatusCode.Redirect || response.Headers.Location!.OriginalString.StartsWith("https://localhost/account/sign-in?returnUrl=", StringComparison.Ordinal)
                    || response.Headers.Location!.OriginalString.StartsWith("/account/sign-in?returnUrl=", StringComparison.Ordinal));
            if (!ok)
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_tenant_gets_the_friendly_403_page_not_a_redirect()
    {
        var client = await ClientAsync("tenant");

        var response = await client.GetAsync(new Uri("/admin/repairs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You cannot see this page", (await response.GetDocumentAsync()).QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Every_administrator_only_url_refuses_an_officer_with_403_and_changes_nothing()
    {
        var client = await ClientAsync("officer");
        var token = await client.AntiforgeryTokenAsync("/account/change-password");
        var adminOnly = Endpoints.Where(e => e.AdministratorOnly).ToList();
        var before = await app.Factory.PortalAsync(db => db.Users.AsNoTracking().Select(u => u.ConcurrencyStamp).ToListAsync());
        var failures = new List<string>();

        foreach (var endpoint in adminOnly)
        {
            var response = await SendAsync(client, endpoint, token);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        // Officer management, refunds and the audit log are the administrator's alone.
        Assert.Superset(new HashSet<string> { "GET /admin/officers", "GET /admin/officers/invite", "POST /admin/officers/invite", "POST /admin/officers/x/disable", "POST /admin/payments/00000000-0000-0000-0000-000000000000/refund", "GET /admin/audit" }, adminOnly.Select(e => e.ToString()).ToHashSet());
        Assert.Equal(before, await app.Factory.PortalAsync(db => db.Users.AsNoTracking().Select(u => u.ConcurrencyStamp).ToListAsync()));
    }

    [Fact]
    public async Task Every_tenant_url_sends_anonymous_visitors_to_sign_in_and_refuses_staff()
    {
        var anonymous = await ClientAsync("anonymous");
        var officer = await ClientAsync("officer");
        var failures = new List<string>();

        foreach (var endpoint in Endpoints.Where(e => e.TenantOnly && !e.AllowsAnonymous && e.Method == "GET"))
        {
            var response = await SendAsync(anonymous, endpoint, null);
            if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.Location!.OriginalString.Contains("/account/sign-in?returnUrl=", StringComparison.Ordinal))
            {
                failures.Add($"anonymous {endpoint}: {(int)response.StatusCode}");
            }

            var staff = await SendAsync(officer, endpoint, null);
            if (staff.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"officer {endpoint}: {(int)staff.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>ASVS V4.2.2 / V13.2.3: every POST without the antiforgery token is a 400, whoever sends it. The
    /// signed-in user is one the endpoint admits, so the 400 comes from antiforgery and not from authorisation.
    /// The exceptions: the Stripe webhook, authenticated by its signature (WebhookSignatureTests), the text providers'
    /// delivery-status callbacks, authenticated by a bearer token or Twilio's signature (DeliveryCallbackTests), the
    /// error pages, which change nothing, and sign-out and "stay signed in", checked for the same origin instead.</summary>
    [Fact]
    public async Task Every_post_without_an_antiforgery_token_is_a_400()
    {
        var clients = new Dictionary<string, HttpClient>
        {
            ["tenant"] = await ClientAsync("tenant"),
            ["administrator"] = await ClientAsync("administrator"),
            ["anonymous"] = await ClientAsync("anonymous"),
        };
        var posts = Endpoints.Where(e => e.Method == "POST").ToList();
        var failures = new List<string>();

        // Sign-out and "stay signed in" carry no token by design: the browser's same-origin headers stand in for it
        // (SameOriginPostAttribute; a cross-site one is refused: SignOutWithoutTokenTests).
        string[] sameOriginChecked = ["POST /account/keep-alive", "POST /account/sign-out"];
        foreach (var endpoint in posts.Where(e => !e.IgnoresAntiforgery && !sameOriginChecked.Contains(e.ToString())))
        {
            var client = endpoint.StaffOnly ? clients["administrator"] : endpoint.AllowsAnonymous ? clients["anonymous"] : clients["tenant"];
            var response = await SendAsync(client, endpoint, token: null);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Empty(failures);
        // The exceptions: the error pages (re-executed for a refused POST, they read no form), the Stripe webhook and the
        // text providers' delivery-status callbacks (a bearer token, Twilio's signature: DeliveryCallbackTests).
        Assert.Equal(["POST /callbacks/notify/delivery-status", "POST /callbacks/twilio/status", "POST /error", "POST /error/1", "POST /webhooks/stripe"], posts.Where(e => e.IgnoresAntiforgery).Select(e => e.ToString()).Order());
        Assert.True(posts.Count > 40, $"Only {posts.Count} POST endpoints found");
    }

    [Fact]
    public async Task A_token_from_another_session_is_refused()
    {
        var tenant = await ClientAsync("tenant");
        var other = await ClientAsync("anonymous");
        var stolen = await other.AntiforgeryTokenAsync("/account/forgotten-password");

        var response = await tenant.PostAsync(new Uri("/repairs/report", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", stolen)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
