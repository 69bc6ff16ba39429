using System.Security.Cryptography;
using System.Text;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Web.Features.Shared;

/// <summary>The landlord's colour as a tiny stylesheet (the CSP forbids inline styles).</summary>
public static class BrandCss
{
    public static string Content(LandlordOptions landlord) => $":root{{--brand:{landlord.BrandColour};}}\n";

    public static string Version(LandlordOptions landlord) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Content(landlord))))[..12];
}
