using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Search;
using Microsoft.Extensions.Options;
using MimeKit;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Web.Infrastructure.Email.Bounces;

/// <summary>Reads the bounce mailbox (<see cref="BounceMailboxOptions"/>) with MailKit, one instance at a time (a
/// <see cref="WorkerLeases"/> lease): each delivery status notification about an email the portal sent (its
/// Message-Id is <see cref="OutboxMessageIds"/>') is read with <see cref="DeliveryStatusNotifications"/>; a permanent
/// failure (Action: failed, Status 5.x.x) is recorded on the message as a send-time refusal is
/// (<see cref="LateDeliveryFailures"/>); a delay (4.x.x) changes nothing. Those reports are then deleted; any other
/// mail is left alone.</summary>
public sealed class BounceMailboxWorker(
    IServiceScopeFactory scopes,
    IOptions<BounceMailboxOptions> options,
    TimeProvider clock,
    ILogger<BounceMailboxWorker> logger) : BackgroundService
{
    public const string LeaseName = "bounce-mailbox";
    private const int MaxPerPass = 200;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private readonly string instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.PollMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await ReadOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Reading the bounce mailbox failed; will try again");
            }
        }
    }

    /// <summary>One pass over the mailbox, if this instance holds the lease. Returns how many reports it deleted.</summary>
    public async Task<int> ReadOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var failures = scope.ServiceProvider.GetRequiredService<LateDeliveryFailures>();
        if (!await WorkerLeases.TryTakeAsync(db, LeaseName, instance, clock.GetUtcNow().UtcDateTime, Lease, ct))
        {
            return 0;
        }

        try
        {
            return options.Value.IsImap ? await ReadImapAsync(failures, ct) : await ReadPop3Async(failures, ct);
        }
        finally
        {
            await WorkerLeases.ReleaseAsync(db, LeaseName, instance, CancellationToken.None);
        }
    }

    private async Task<int> ReadPop3Async(LateDeliveryFailures failures, CancellationToken ct)
    {
        var o = options.Value;
        using var pop = new Pop3Client();
        await pop.ConnectAsync(o.Host!, o.PortOrDefault, o.SocketOptions, ct);
        await pop.AuthenticateAsync(o.UserName ?? "", o.Password ?? "", ct);
        var count = Math.Min(await pop.GetMessageCountAsync(ct), MaxPerPass);
        var deleted = 0;
        for (var i = 0; i < count; i++)
        {
            if (await HandleAsync(await pop.GetMessageAsync(i, ct), failures, ct))
            {
                await pop.DeleteMessageAsync(i, ct);
                deleted++;
            }
        }

        // POP3 deletes only on QUIT: a pass cut short deletes nothing, and recording again is harmless.
        await pop.DisconnectAsync(quit: true, ct);
        return deleted;
    }

    private async Task<int> ReadImapAsync(LateDeliveryFailures failures, CancellationToken ct)
    {
        var o = options.Value;
        using var imap = new ImapClient();
        await imap.ConnectAsync(o.Host!, o.PortOrDefault, o.SocketOptions, ct);
        await imap.AuthenticateAsync(o.UserName ?? "", o.Password ?? "", ct);
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        var deleted = new List<UniqueId>();
        foreach (var uid in (await inbox.SearchAsync(SearchQuery.NotDeleted, ct)).Take(MaxPerPass))
        {
            if (await HandleAsync(await inbox.GetMessageAsync(uid, ct), failures, ct))
            {
                deleted.Add(uid);
            }
        }

        if (deleted.Count > 0)
        {
            await inbox.AddFlagsAsync(deleted, MessageFlags.Deleted, silent: true, ct);
            await inbox.ExpungeAsync(ct);
        }

        await imap.DisconnectAsync(quit: true, ct);
        return deleted.Count;
    }

    /// <summary>True when the email is a delivery report about one of our messages (recorded if permanent), so it is
    /// deleted; false for anything else, which stays in the mailbox.</summary>
    private static async Task<bool> HandleAsync(MimeMessage email, LateDeliveryFailures failures, CancellationToken ct)
    {
        if (DeliveryStatusNotifications.Read(email) is not { } report || OutboxMessageIds.OutboxId(report.OriginalMessageId) is not long id)
        {
            return false;
        }

        if (report.Permanent)
        {
            var messageId = OutboxMessageIds.Normalise(report.OriginalMessageId!);
            await failures.RecordAsync(MessageChannel.Email, m => m.Id == id && m.ProviderReference == messageId,
                $"The email bounced: the mail server said it can never be delivered (status {report.Status})", ct);
        }

        return true;
    }
}
