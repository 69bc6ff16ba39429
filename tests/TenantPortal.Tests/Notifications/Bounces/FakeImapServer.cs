using System.Net.Sockets;
using System.Text;

namespace TenantPortal.Tests.Notifications.Bounces;

/// <summary>An IMAP server (RFC 3501) on a loopback port with one folder, INBOX, speaking the commands MailKit's
/// ImapClient sends to log in, open the inbox read-write, search, fetch, flag \Deleted and expunge. Records every
/// command (the password masked).</summary>
public sealed class FakeImapServer : FakeMailServer
{
    private readonly List<(uint Uid, string Text, bool Deleted)> messages = [];
    private uint nextUid = 1;

    public FakeImapServer(string userName, string password)
        : base(userName, password)
    {
        Start();
    }


    public void Deliver(string message)
    {
        lock (messages)
        {
            messages.Add((nextUid++, message, false));
        }
    }

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (messages)
            {
                return messages.Select(m => m.Text).ToList();
            }
        }
    }

    protected override async Task SessionAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        var authenticated = false;
        await WriteAsync(stream, "* OK [CAPABILITY IMAP4rev1] Fake IMAP server ready");
        while (await reader.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', 3);
            var tag = parts[0];
            var command = parts.Length > 1 ? parts[1].ToUpperInvariant() : "";
            var rest = parts.Length > 2 ? parts[2] : "";
            if (command == "UID" && rest.Split(' ', 2) is [var sub, var subRest])
            {
                command = "UID " + sub.ToUpperInvariant();
                rest = subRest;
            }

            Commands.Enqueue(command == "LOGIN" ? $"{tag} LOGIN ***" : line);
            switch (command)
            {
                case "CAPABILITY":
                    await WriteAsync(stream, $"* CAPABILITY IMAP4rev1\r\n{tag} OK CAPABILITY completed");
                    break;
                case "LOGIN":
                    var credentials = rest.Split(' ').Select(a => a.Trim('"')).ToArray();
                    authenticated = credentials.Length == 2 && credentials[0] == UserName && credentials[1] == Password;
                    await WriteAsync(stream, authenticated ? $"{tag} OK [CAPABILITY IMAP4rev1] LOGIN completed" : $"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials");
                    break;
                case "LIST" when authenticated:
                    await WriteAsync(stream, $"* LIST (\\HasNoChildren) \"/\" INBOX\r\n{tag} OK LIST completed");
                    break;
                case "SELECT" when authenticated:
                    var count = Live().Count;
                    await WriteAsync(stream, $"* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n* {count} EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY 1] UIDs valid\r\n* OK [UIDNEXT {nextUid}] Predicted next UID\r\n{tag} OK [READ-WRITE] SELECT completed");
                    break;
                case "UID SEARCH" when authenticated:
                    await WriteAsync(stream, $"* SEARCH {string.Join(' ', Live().Select(m => m.Uid))}\r\n{tag} OK SEARCH completed");
                    break;
                case "UID FETCH" when authenticated:
                    var uid = uint.Parse(rest.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                    List<(uint Uid, string Text, bool Deleted)> all;
                    lock (messages)
                    {
                        all = [.. messages];
                    }

                    var index = all.FindIndex(m => m.Uid == uid);
                    var bytes = Encoding.UTF8.GetByteCount(all[index].Text);
                    await WriteAsync(stream, $"* {index + 1} FETCH (UID {uid} BODY[] {{{bytes}}}\r\n{all[index].Text})\r\n{tag} OK FETCH completed");
                    break;
                case "UID STORE" when authenticated:
                    var uids = rest.Split(' ')[0].Split(',').Select(u => uint.Parse(u, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
                    lock (messages)
                    {
                        for (var i = 0; i < messages.Count; i++)
                        {
                            if (uids.Contains(messages[i].Uid))
                            {
                                messages[i] = messages[i] with { Deleted = true };
                            }
                        }
                    }

                    await WriteAsync(stream, $"{tag} OK STORE completed");
                    break;
                case "EXPUNGE" when authenticated:
                    var responses = new StringBuilder();
                    lock (messages)
                    {
                        for (var i = messages.Count - 1; i >= 0; i--)
                        {
                            if (messages[i].Deleted)
                            {
                                responses.Append(Untagged(i + 1)).Append(" EXPUNGE\r\n");
                                messages.RemoveAt(i);
                            }
                        }
                    }

                    await WriteAsync(stream, $"{responses}{tag} OK EXPUNGE completed");
                    break;
                case "NOOP":
                    await WriteAsync(stream, $"{tag} OK NOOP completed");
                    break;
                case "LOGOUT":
                    await WriteAsync(stream, $"* BYE Logging out\r\n{tag} OK LOGOUT completed");
                    return;
                default:
                    await WriteAsync(stream, $"{tag} BAD Unknown command");
                    break;
            }
        }
    }

    private static string Untagged(int n) => "* " + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private List<(uint Uid, string Text, bool Deleted)> Live()
    {
        lock (messages)
        {
            return messages.Where(m => !m.Deleted).ToList();
        }
    }
}
