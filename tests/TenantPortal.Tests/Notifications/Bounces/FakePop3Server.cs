using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace TenantPortal.Tests.Notifications.Bounces;

/// <summary>A POP3 server (RFC 1939) on a loopback port that speaks the few commands MailKit's Pop3Client uses: CAPA,
/// USER/PASS, STAT, LIST, UIDL, RETR, DELE, NOOP, RSET and QUIT. Deletions take effect on QUIT, as on a real server.
/// Records every command (the password masked) so a test can assert what was deleted.</summary>
public sealed class FakePop3Server : FakeMailServer
{
    private readonly List<string> messages;

    public FakePop3Server(string userName, string password, params string[] messages)
        : base(userName, password)
    {
        this.messages = [.. messages];
        Start();
    }

    /// <summary>Puts another message in the mailbox (seen from the next session).</summary>
    public void Deliver(string message)
    {
        lock (messages)
        {
            messages.Add(message);
        }
    }


    /// <summary>The messages still in the mailbox (after the last QUIT).</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (messages)
            {
                return [.. messages];
            }
        }
    }

    protected override async Task SessionAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        var deleted = new HashSet<int>();
        var authenticated = false;
        string? user = null;
        List<string> box;
        lock (messages)
        {
            box = [.. messages];
        }

        await WriteAsync(stream, "+OK Fake POP3 server ready");
        while (await reader.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', 2);
            var command = parts[0].ToUpperInvariant();
            var argument = parts.Length > 1 ? parts[1] : "";
            Commands.Enqueue(command == "PASS" ? "PASS ***" : line);
            switch (command)
            {
                case "CAPA":
                    await WriteAsync(stream, "+OK Capability list follows\r\nUSER\r\nUIDL\r\nTOP\r\n.");
                    break;
                case "USER":
                    user = argument;
                    await WriteAsync(stream, "+OK");
                    break;
                case "PASS":
                    authenticated = user == UserName && argument == Password;
                    await WriteAsync(stream, authenticated ? "+OK Logged in" : "-ERR [AUTH] Authentication failed");
                    break;
                case "QUIT":
                    if (authenticated)
                    {
                        lock (messages)
                        {
                            foreach (var number in deleted.OrderDescending())
                            {
                                messages.RemoveAt(number - 1);
                            }
                        }
                    }

                    await WriteAsync(stream, "+OK Bye");
                    return;
                case "NOOP":
                    await WriteAsync(stream, "+OK");
                    break;
                case "RSET":
                    deleted.Clear();
                    await WriteAsync(stream, "+OK");
                    break;
                case "STAT" when authenticated:
                    var live = Live(box, deleted).ToList();
                    await WriteAsync(stream, $"+OK {live.Count} {live.Sum(m => Size(m.Text))}");
                    break;
                case "LIST" when authenticated:
                    await WriteAsync(stream, "+OK\r\n" + string.Concat(Live(box, deleted).Select(m => $"{m.Number} {Size(m.Text)}\r\n")) + ".");
                    break;
                case "UIDL" when authenticated:
                    await WriteAsync(stream, "+OK\r\n" + string.Concat(Live(box, deleted).Select(m => $"{m.Number} uid-{m.Text.GetHashCode(StringComparison.Ordinal):x8}\r\n")) + ".");
                    break;
                case "RETR" when authenticated && Number(argument, box, deleted) is int n:
                    var text = box[n - 1];
                    await WriteAsync(stream, $"+OK {Size(text)} octets\r\n{DotStuffed(text)}.");
                    break;
                case "DELE" when authenticated && Number(argument, box, deleted) is int d:
                    deleted.Add(d);
                    await WriteAsync(stream, $"+OK message {d} deleted");
                    break;
                default:
                    await WriteAsync(stream, "-ERR unknown command or no such message");
                    break;
            }
        }
    }

    private static IEnumerable<(int Number, string Text)> Live(List<string> box, HashSet<int> deleted) =>
        box.Select((text, i) => (Number: i + 1, Text: text)).Where(m => !deleted.Contains(m.Number));

    private static int? Number(string argument, List<string> box, HashSet<int> deleted) =>
        int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= box.Count && !deleted.Contains(n) ? n : null;

    private static int Size(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>RFC 1939: a line starting with "." gets another; the message ends with CRLF before the final ".".</summary>
    private static string DotStuffed(string text)
    {
        var body = string.Join("\r\n", text.Split("\r\n").Select(l => l.StartsWith('.') ? "." + l : l));
        return body.EndsWith("\r\n", StringComparison.Ordinal) ? body : body + "\r\n";
    }
}
