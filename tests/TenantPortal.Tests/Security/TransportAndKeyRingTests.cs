using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Tests.Security;

/// <summary>ASVS 14.4.5 (HSTS), 14.3.3 (no server banner: see Deployment.ProductionLoggingTests for Kestrel itself),
/// 6.4.1 (keys protected at rest) and the host names Production answers for.</summary>
public sealed class TransportAndKeyRingTests
{
    [Fact]
    public async Task Production_sends_hsts_for_a_year_with_subdomains_and_without_preload_unless_configured()
    {
        using var plain = new PortalAppFactory(settings: ProductionSettings.ForFactory(), environment: "Production");
        using var preload = new PortalAppFactory(settings: ProductionSettings.ForFactory(new Dictionary<string, string?> { ["Security:HstsPreload"] = "true" }), environment: "Production");

        var withoutPreload = await HstsAsync(plain);
        var withPreload = await HstsAsync(preload);

        Assert.Equal("max-age=31536000; includeSubDomains", withoutPreload);
        Assert.Equal("max-age=31536000; includeSubDomains; preload", withPreload);
    }

    [Fact]
    public async Task Production_answers_only_for_the_public_host_name_when_allowed_hosts_is_not_set()
    {
        var settings = ProductionSettings.ForFactory();
        settings.Remove("AllowedHosts");
        using var factory = new PortalAppFactory(settings: settings, environment: "Production");
        var client = factory.CreateBrowserClient();

        var forged = await client.GetAsync(new Uri("https://evil.example/account/sign-in"));
        var own = await client.GetAsync(new Uri("https://portal.example.org/account/sign-in"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task In_production_the_data_protection_keys_are_stored_encrypted_with_the_configured_certificate()
    {
        using var factory = new PortalAppFactory(settings: ProductionSettings.ForFactory(), environment: "Production");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(factory.ConnectionString))
        {
            // A new installation: no key yet (the copied demo database holds a Development key).
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM DataProtectionKeys";
            await delete.ExecuteNonQueryAsync();
        }

        var client = factory.CreateBrowserClient();

        var page = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        using var scope = factory.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
            Assert.Contains("X509Data", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Production_refuses_to_start_without_a_certificate_for_the_key_ring()
    {
        var settings = ProductionSettings.ForFactory();
        settings.Remove("DataProtection:CertificateBase64");
        settings.Remove("DataProtection:CertificatePassword");
        using var factory = new PortalAppFactory(settings: settings, environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("DataProtection:CertificatePath", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_to_start_with_a_certificate_it_cannot_read()
    {
        using var factory = new PortalAppFactory(settings: ProductionSettings.ForFactory(new Dictionary<string, string?> { ["DataProtection:CertificatePassword"] = "not the password" }), environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("The data-protection certificate cannot be read", failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> HstsAsync(PortalAppFactory factory)
    {
        // HSTS is never sent to localhost, so ask as the public host name.
        var response = await factory.CreateBrowserClient().GetAsync(new Uri("https://portal.example.org/"));
        return Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
    }
}
