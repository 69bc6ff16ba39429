namespace TenantPortal.Web.Infrastructure.Texts;

/// <summary>One text message: a UK mobile number in E.164 and the words (at most two SMS fragments, see
/// <see cref="SmsLength"/>). The outbox id goes to the provider as the client reference.</summary>
public sealed record TextMessage(string To, string Text, long OutboxId);

/// <summary>One letter: the address block (a line per line), a heading and the body.</summary>
public sealed record LetterMessage(string Address, string Heading, string Body, long OutboxId)
{
    public IReadOnlyList<string> AddressLines => Address.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Delivers one text now (the outbox calls it; features tell the tenant through the notifications module).
/// Throws <see cref="Email.PermanentDeliveryFailureException"/> when the number can never be reached. Returns what the
/// provider calls the message (Twilio's MessageSid, Notify's id), for its later delivery-status callbacks.</summary>
public interface ITextSender
{
    Task<string?> SendAsync(TextMessage message, CancellationToken ct);
}

/// <summary>Posts one letter now (only GOV.UK Notify's letter API). Without one, letters wait for officers to print.</summary>
public interface ILetterSender
{
    Task<string?> SendAsync(LetterMessage message, CancellationToken ct);
}
