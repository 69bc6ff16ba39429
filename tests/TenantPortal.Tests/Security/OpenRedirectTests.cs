using System.Net;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Security;

/// <summary>ASVS V5.1.5: a returnUrl pointing off the site is never followed; the user lands on a local page.</summary>
public sealed class OpenRedirectTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    public static TheoryData<string> Hostile => new()
    {
        "https://evil.example",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "https:evil.example",
        "/%2F/evil.example",
        " //evil.example",
        "javascript:alert(1)",
    };

    private static void AssertLocal(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/", location, StringComparison.Ordinal);
        Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal), location);
        Assert.True(new Uri(new Uri("https://localhost/"), location).Host == "localhost", location);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Tenant_sign_in_never_redirects_off_the_site(string returnUrl)
    {
        var client = app.Factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string>
        {
            ["Email"] = DemoSeeder.TenantEmail,
            ["Password"] = DemoSeeder.Password,
            ["ReturnUrl"] = returnUrl,
        });

        AssertLocal(response);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Staff_two_factor_sign_in_never_redirects_off_the_site(string returnUrl)
    {
        var client = app.Factory.CreateBrowserClient();
        var first = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Email"] = DemoSeeder.OfficerEmail,
            ["Password"] = DemoSeeder.Password,
            ["ReturnUrl"] = returnUrl,
        });
        AssertLocal(first);
        Totp.ForgetUsedCodes(app.Factory.DatabasePath);

        var response = await client.SubmitFormAsync(first.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(DemoSeeder.OfficerAuthenticatorKey),
            ["ReturnUrl"] = returnUrl,
        });

        AssertLocal(response);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Confirming_the_password_for_contact_details_never_redirects_off_the_site(string returnUrl)
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        var response = await client.SubmitFormAsync($"/contact-details/confirm-password?returnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string>
        {
            ["Password"] = DemoSeeder.Password,
            ["ReturnUrl"] = returnUrl,
        });

        AssertLocal(response);
    }
}
