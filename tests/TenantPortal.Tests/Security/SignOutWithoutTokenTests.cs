using System.Net;
using TenantPortal.Tests.Infrastructure;

namespace TenantPortal.Tests.Security;

/// <summary>The sign-out button on every page carries no antiforgery token (minting one per page cost a sixth of the
/// page's CPU): the sign-out and "stay signed in" accept a POST the browser says comes from this site (Sec-Fetch-Site,
/// else Origin), or one with a valid token, and send anything else to a confirmation page whose form has its own token
/// (docs/security.md, "Sign-out without a token on every page").</summary>
public sealed class SignOutWithoutTokenTests
{
    [Fact]
    public async Task A_signed_in_page_offers_sign_out_without_minting_an_antiforgery_token()
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var page = await response.GetDocumentAsync();

        Assert.NotNull(page.QuerySelector("form.site-header__signout button"));
        Assert.Empty(page.QuerySelectorAll("input[name=__RequestVerificationToken]"));
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("Antiforgery", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Origin", "https://localhost")]
    public async Task A_sign_out_the_browser_says_comes_from_the_portal_ends_the_session(string header, string value)
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        var signOut = await client.SendAsync(SignOutRequest("/account/sign-out", header, value));
        var after = await client.GetAsync(new Uri("/contact-details", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://attacker.example")]
    [InlineData("Origin", "null")]
    public async Task A_sign_out_from_another_site_keeps_the_session_and_asks_on_a_confirmation_page_that_signs_out(string header, string value)
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        var forged = await client.SendAsync(SignOutRequest("/account/sign-out", header, value));
        var stillSignedIn = await client.GetAsync(new Uri("/contact-details", UriKind.Relative));
        var confirmation = await client.GetDocumentAsync(forged.Headers.Location!.OriginalString);
        var confirmed = await client.SubmitFormAsync(confirmation, new Dictionary<string, string>(), "main form");
        var after = await client.GetAsync(new Uri("/contact-details", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("/account/sign-out", forged.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal("Sign out", confirmation.QuerySelector("h1")?.TextContent);
        Assert.NotNull(confirmation.QuerySelector("main form input[name=__RequestVerificationToken]"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Stay_signed_in_posted_from_another_site_is_refused()
    {
        using var factory = new PortalAppFactory();
        var client = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        var forged = await client.SendAsync(SignOutRequest("/account/keep-alive", "Sec-Fetch-Site", "cross-site"));
        var fromThePortal = await client.SendAsync(SignOutRequest("/account/keep-alive", "Sec-Fetch-Site", "same-origin"));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, fromThePortal.StatusCode);
    }

    private static HttpRequestMessage SignOutRequest(string url, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = new FormUrlEncodedContent([]) };
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }
}
