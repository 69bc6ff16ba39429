using System.Security.Cryptography;

using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Features.ContactDetails;

/// <summary>What a confirmation link stands for. Sealed inside an encrypted, signed token, so the link carries no
/// readable personal data and cannot be altered. <see cref="RecordVersion"/> is the contact record's version when
/// the link was sent: any change to the record since (following this link included) makes the link unusable, so
/// each link works once, with or without a portal account.</summary>
public sealed record EmailChangeRequest(
    int TenantId,
    string NewEmail,
    string? OldEmail,
    string RequestedBy,
    ChangeChannel Channel,
    DateTime ExpiresAtUtc,
    string? PortalUserId,
    string? IdentityToken,
    Guid RecordVersion);

public sealed class EmailChangeTokens(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector protector = dataProtection.CreateProtector("TenantPortal.ContactDetails.EmailChange.v1");

    public string Create(EmailChangeRequest request) =>
        WebEncoders.Base64UrlEncode(protector.Protect(JsonSerializer.SerializeToUtf8Bytes(request)));

    /// <summary>The request, or null when the token is damaged, forged or past its expiry.</summary>
    public EmailChangeRequest? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4000)
        {
            return null;
        }

        try
        {
            var request = JsonSerializer.Deserialize<EmailChangeRequest>(protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            return request is not null && request.ExpiresAtUtc > clock.GetUtcNow().UtcDateTime ? request : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

}
