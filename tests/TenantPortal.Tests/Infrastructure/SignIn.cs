using System.Net;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Infrastructure;

public static class SignIn
{
    public static async Task AsTenantAsync(HttpClient client, string email = DemoSeeder.TenantEmail, string password = DemoSeeder.Password)
    {
        var response = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }
    }

    public static Task AsOfficerAsync(HttpClient client) => AsStaffAsync(client, DemoSeeder.OfficerEmail, DemoSeeder.OfficerAuthenticatorKey);

    public static Task AsAdministratorAsync(HttpClient client) => AsStaffAsync(client, DemoSeeder.AdministratorEmail, DemoSeeder.AdministratorAuthenticatorKey);

    private static async Task AsStaffAsync(HttpClient client, string email, string key)
    {
        var response = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoSeeder.Password });
        var codePage = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException("No two-factor step");
        if (PortalAppFactory.Of(client) is { } factory)
        {
            factory.ForgetUsedAuthenticatorCodes();
        }

        response = await client.SubmitFormAsync(codePage, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Two-factor sign-in as {email} failed: {(int)response.StatusCode}");
        }
    }
}
