using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Infrastructure.Security;

/// <summary>The data-protection key ring (it signs and encrypts session cookies, antiforgery tokens and emailed links)
/// lives in the portal database, encrypted at rest with a certificate from configuration: anyone who can read the
/// database cannot read the keys without the certificate's private key. Production refuses to start without one;
/// Development runs without one (keys stored readable) unless one is configured.</summary>
public static class KeyRingProtection
{
    public const string CertificatePath = "DataProtection:CertificatePath";
    public const string CertificateBase64 = "DataProtection:CertificateBase64";
    public const string CertificatePassword = "DataProtection:CertificatePassword";

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName("TenantPortal").PersistKeysToDbContext<PortalDbContext>();
        if (IsConfigured(configuration))
        {
            builder.ProtectKeysWithCertificate(Load(configuration));
        }

        return services;
    }

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[CertificatePath]) || !string.IsNullOrWhiteSpace(configuration[CertificateBase64]);

    /// <summary>Why the configured certificate cannot protect the key ring, or null when it can.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        if (!IsConfigured(configuration))
        {
            return $"{CertificatePath} (or {CertificateBase64}) is missing: the data-protection keys that sign sign-in cookies must be encrypted at rest with a certificate (PFX with its private key) in Production. See docs/operations.md.";
        }

        try
        {
            using var certificate = Load(configuration);
            using var key = certificate.GetRSAPrivateKey();
            return key is null ? $"The data-protection certificate has no RSA private key: use a PFX that includes it." : null;
        }
        catch (Exception e) when (e is CryptographicException or IOException or FormatException or UnauthorizedAccessException)
        {
            return $"The data-protection certificate cannot be read ({e.GetType().Name}): check {CertificatePath} or {CertificateBase64} and {CertificatePassword}.";
        }
    }

    private static X509Certificate2 Load(IConfiguration configuration)
    {
        var password = configuration[CertificatePassword];
        var path = configuration[CertificatePath];
        var bytes = string.IsNullOrWhiteSpace(path) ? Convert.FromBase64String(configuration[CertificateBase64]!) : File.ReadAllBytes(path);
        return X509CertificateLoader.LoadPkcs12(bytes, password);
    }
}
