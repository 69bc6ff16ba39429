using System.Text.RegularExpressions;
using MimeKit;

namespace TenantPortal.Tests.Accounts;

/// <summary>Reads the .eml files the app writes in Development (the outbox worker sends them in the background, so
/// this waits for them).</summary>
public static partial class Mailbox
{
    public static async Task<MimeMessage> WaitForEmailAsync(string folder, string to, string subjectContains, TimeSpan? timeout = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < (timeout ?? TimeSpan.FromSeconds(20)))
        {
            var found = Emails(folder).FirstOrDefault(m =>
                m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))
                && (m.Subject ?? "").Contains(subjectContains, StringComparison.OrdinalIgnoreCase));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No email '{subjectContains}' arrived in {folder}");
    }

    public static IReadOnlyList<MimeMessage> Emails(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(ReadMessage).ToList()
            : [];

    public static int Count(string folder, string to) =>
        Emails(folder).Count(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The first link in the email whose path starts with <paramref name="path"/>.</summary>
    public static Uri Link(MimeMessage message, string path)
    {
        var match = LinkPattern().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path)
            ?? throw new InvalidOperationException($"No {path} link in: {message.TextBody}");
        return match;
    }

    private static MimeMessage ReadMessage(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return MimeMessage.Load(path);
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(50);
            }
            catch (FormatException) when (attempt < 20)
            {
                // Still being written.
                Thread.Sleep(50);
            }
        }
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();
}
