namespace TenantPortal.Web.Infrastructure.Email.Bounces;

/// <summary>The mailbox bounces come back to (the Return-Path of the portal's emails): read over POP3 or IMAP by
/// <see cref="BounceMailboxWorker"/>. Off unless Host is set. Use a mailbox for bounces only: delivery reports about
/// the portal's emails are deleted once read; anything else is left where it is.</summary>
public sealed class BounceMailboxOptions
{
    public const string Section = "Email:Bounces";

    public string? Host { get; set; }

    /// <summary>0 for the protocol's usual port: 995 (POP3) or 993 (IMAP) with SslOnConnect, else 110 or 143.</summary>
    public int Port { get; set; }

    /// <summary>"Pop3" (default) or "Imap".</summary>
    public string Protocol { get; set; } = "Pop3";

    /// <summary>"SslOnConnect" (default), "StartTls" or "None" (only on a local network).</summary>
    public string Security { get; set; } = "SslOnConnect";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>How often the mailbox is read (the first time one interval after the app starts).</summary>
    public int PollMinutes { get; set; } = 5;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public bool IsImap => string.Equals(Protocol, "Imap", StringComparison.OrdinalIgnoreCase);

    public MailKit.Security.SecureSocketOptions SocketOptions => Security.ToUpperInvariant() switch
    {
        "STARTTLS" => MailKit.Security.SecureSocketOptions.StartTls,
        "NONE" => MailKit.Security.SecureSocketOptions.None,
        _ => MailKit.Security.SecureSocketOptions.SslOnConnect,
    };

    public int PortOrDefault => Port > 0 ? Port : (IsImap, SocketOptions == MailKit.Security.SecureSocketOptions.SslOnConnect) switch
    {
        (true, true) => 993,
        (true, false) => 143,
        (false, true) => 995,
        _ => 110,
    };

    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!IsImap && !string.Equals(Protocol, "Pop3", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Email:Bounces:Protocol '{Protocol}' is not known. Use 'Pop3' or 'Imap'.";
        }

        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            yield return "Email:Bounces:UserName and Email:Bounces:Password are needed to read the bounce mailbox.";
        }

        if (PollMinutes < 1)
        {
            yield return "Email:Bounces:PollMinutes must be at least 1.";
        }
    }
}
