using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace TenantPortal.Web.Infrastructure.Email;

/// <summary>The Message-Id the outbox sends each email with: <c>outbox-{id}.{random}@{the sender's domain}</c>. A bounce
/// quotes it back; the id finds the message and the random part (kept as its ProviderReference) proves the bounce is
/// about the message we sent, not a guess at an id.</summary>
public static partial class OutboxMessageIds
{
    public static string Create(long outboxId, string fromAddress)
    {
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..] : "tenantportal.invalid";
        return $"outbox-{outboxId.ToString(CultureInfo.InvariantCulture)}.{RandomNumberGenerator.GetHexString(16, lowercase: true)}@{domain}";
    }

    /// <summary>The outbox id in a Message-Id we made (with or without the angle brackets), or null for any other.</summary>
    public static long? OutboxId(string? messageId)
    {
        var match = messageId is null ? null : Pattern().Match(messageId.Trim().Trim('<', '>'));
        return match is { Success: true } && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>The Message-Id as we stored it (MimeKit keeps it without angle brackets).</summary>
    public static string Normalise(string messageId) => messageId.Trim().Trim('<', '>');

    [GeneratedRegex(@"^outbox-([0-9]{1,18})\.[0-9a-f]{16}@[^\s@>]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
