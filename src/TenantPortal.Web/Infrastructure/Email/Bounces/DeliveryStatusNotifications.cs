using MimeKit;

namespace TenantPortal.Web.Infrastructure.Email.Bounces;

/// <summary>What a delivery status notification (RFC 3464) says about a message we sent: whether it failed for good
/// (Action: failed with a 5.x.x status; a 4.x.x "delayed" is not), the status, and the Message-Id of the message it is
/// about.</summary>
public sealed record DeliveryReport(bool Permanent, string Status, string? OriginalMessageId);

/// <summary>Reads bounces with MimeKit: a multipart/report whose message/delivery-status part
/// (<see cref="MessageDeliveryStatus"/>) has a per-message group (Reporting-MTA, Original-Envelope-Id) and a group per
/// recipient (Final-Recipient, Action, Status, Diagnostic-Code). The original message's headers come in a
/// text/rfc822-headers part (Postfix, Exchange) or the whole message in a message/rfc822 part (Gmail, Exchange).
/// The reason recorded never quotes the Diagnostic-Code, which names the address.</summary>
public static class DeliveryStatusNotifications
{
    /// <summary>The report in this email, or null when it is not a delivery status notification.</summary>
    public static DeliveryReport? Read(MimeMessage message)
    {
        var status = message.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null || status.StatusGroups.Count == 0)
        {
            return null;
        }

        var recipients = status.StatusGroups.Skip(1).ToList();
        var failed = recipients.FirstOrDefault(g => IsFailed(g["Action"]) && StatusCode(g["Status"]).StartsWith('5'));
        var code = StatusCode((failed ?? recipients.FirstOrDefault())?["Status"]);
        return new DeliveryReport(failed is not null, code, OriginalMessageId(message, status));
    }

    private static bool IsFailed(string? action) => string.Equals(action?.Trim(), "failed", StringComparison.OrdinalIgnoreCase);

    /// <summary>"5.1.1" from "5.1.1" or "5.1.1 (user unknown)"; "" when missing.</summary>
    private static string StatusCode(string? status) => status?.Trim().Split(' ', 2)[0] ?? "";

    private static string? OriginalMessageId(MimeMessage message, MessageDeliveryStatus status)
    {
        // The original's headers (text/rfc822-headers) or the whole original (message/rfc822): both are MessageParts.
        var quoted = message.BodyParts.OfType<MessagePart>().Select(p => p.Message?.MessageId).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id));
        if (quoted is not null)
        {
            return quoted;
        }

        // Otherwise Gmail's X-Original-Message-ID, the envelope id the sending server passed, or the bounce's own
        // References/In-Reply-To.
        var perMessage = status.StatusGroups[0];
        return new[] { perMessage["X-Original-Message-ID"], perMessage["Original-Envelope-Id"] }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim()
            ?? message.InReplyTo ?? message.References.FirstOrDefault();
    }
}
