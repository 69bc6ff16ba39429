using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>The least a Production start needs (the startup validator refuses anything less): SMTP email, a text provider, no demo data,
/// an https public address for links, and a certificate protecting the data-protection key ring (self-signed, made
/// once per test run, handed over as a base64 PFX).</summary>
public static class ProductionSettings
{
    public const string PublicBaseUrl = "https://portal.example.org";
    public const string CertificatePassword = "test-only-password";

    /// <summary>Texts through Twilio with made-up credentials (Production refuses texts written to files).</summary>
    public static readonly IReadOnlyDictionary<string, string?> Texts = new Dictionary<string, string?>
    {
        ["Texts:Provider"] = "Twilio",
        ["Texts:TwilioAccountSid"] = "AC00000000000000000000000000000000",
        ["Texts:TwilioAuthToken"] = "test-only-token",
        ["Texts:TwilioFrom"] = "+447700900000",
    };

    private static readonly Lazy<string> Certificate = new(CreateCertificate);

    /// <summary>A base64 PFX (with its private key) for DataProtection:CertificateBase64.</summary>
    public static string CertificateBase64 => Certificate.Value;

    /// <summary>For <see cref="PortalAppFactory"/> (keys with ':'). The test server is asked as localhost, so that host
    /// is allowed beside the public one.</summary>
    public static Dictionary<string, string?> ForFactory(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DemoData:Seed"] = "false",
            ["Email:Delivery"] = "Smtp",
            ["Email:SmtpHost"] = "smtp.example.org",
            ["Accounts:PublicBaseUrl"] = PublicBaseUrl,
            ["AllowedHosts"] = "portal.example.org;localhost",
            ["DataProtection:CertificateBase64"] = CertificateBase64,
            ["DataProtection:CertificatePassword"] = CertificatePassword,
        };
        foreach (var (key, value) in Texts)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>For <see cref="AppServer"/> (environment variables, '__' for ':').</summary>
    public static Dictionary<string, string> ForProcess(IDictionary<string, string?>? extra = null)
    {
        var settings = ForFactory(new Dictionary<string, string?> { ["AllowedHosts"] = "portal.example.org;localhost;127.0.0.1" });
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return environment;
    }

    private static string CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=TenantPortal test data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow(); // a certificate's validity is checked against the real time
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12, CertificatePassword));
    }
}
