using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Infrastructure.Email;

/// <summary>Sends queued emails. Each instance claims a batch with a database lease, so several web servers never
/// send the same email; a failed send is retried with back-off and never blocks the request that queued it.</summary>
public sealed class EmailOutboxWorker(
    IServiceScopeFactory scopes,
    EmailOutboxSignal signal,
    TimeProvider clock,
    ILogger<EmailOutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int MaxAttempts = 10;
    private readonly string instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendBatchAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Email outbox pass failed; will retry");
            }

            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> SendBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now.Add(Lease);

        // Claim row by row with a conditional update that re-checks the lease: safe on SQL Server even under read
        // committed snapshot, where a set-based "claim the next 20" could let two instances take the same rows.
        var candidates = await db.EmailOutbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts
                && (m.NextAttemptAt == null || m.NextAttemptAt <= now)
                && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(20)
            .ToListAsync(ct);
        var mine = new List<long>();
        foreach (var id in candidates)
        {
            var won = await db.EmailOutbox
                .Where(m => m.Id == id && m.SentAt == null && (m.LeaseUntil == null || m.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, instance).SetProperty(m => m.LeaseUntil, leaseUntil), ct);
            if (won == 1)
            {
                mine.Add(id);
            }
        }

        if (mine.Count == 0)
        {
            return 0;
        }

        var batch = await db.EmailOutbox.Where(m => mine.Contains(m.Id) && m.LeaseOwner == instance).ToListAsync(ct);
        foreach (var message in batch)
        {
            try
            {
                await sender.SendAsync(new EmailMessage(message.To, message.Subject, message.Body), ct);
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = ex.GetType().Name;
                message.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddMinutes(Math.Pow(2, message.Attempts));
                logger.LogWarning(ex, "Sending outbox email {OutboxId} failed (attempt {Attempt})", message.Id, message.Attempts);
            }

            message.LeaseOwner = null;
            message.LeaseUntil = null;
            // Saved after each send, not once for the batch: a slow mail server cannot outlast the lease of the
            // messages still waiting, so another instance never takes over (and resends) one already sent.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return batch.Count;
    }
}
