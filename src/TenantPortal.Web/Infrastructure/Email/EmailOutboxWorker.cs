using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Portal;

namespace TenantPortal.Web.Infrastructure.Email;

/// <summary>Sends queued emails and texts (and letters when a letter provider is configured). Each instance claims a
/// batch with a database lease, so several web servers never send the same message; a failed send is retried with
/// back-off and never blocks the request that queued it; a permanent failure (<see cref="PermanentDeliveryFailureException"/>)
/// is recorded and not retried.</summary>
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
        var texts = scope.ServiceProvider.GetRequiredService<Texts.ITextSender>();
        var letters = scope.ServiceProvider.GetService<Texts.ILetterSender>();
        var from = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Configuration.LandlordOptions>>().Value.EmailFrom;
        var sendLetters = letters is not null;
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now.Add(Lease);

        // Claim row by row with a conditional update that re-checks the lease and that the row is still due (another
        // instance may have sent it, failed it for good or put it off since the candidates were read): safe on SQL Server even under read
        // committed snapshot, where a set-based "claim the next 20" could let two instances take the same rows.
        var candidates = await db.EmailOutbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.Attempts < MaxAttempts
                && (m.Channel != MessageChannel.Letter || sendLetters)
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
                .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now)
                    && (m.LeaseUntil == null || m.LeaseUntil < now))
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
                switch (message.Channel)
                {
                    case MessageChannel.Text:
                        message.ProviderReference = await texts.SendAsync(new Texts.TextMessage(message.To, message.Body, message.Id), ct);
                        break;
                    case MessageChannel.Letter when letters is not null:
                        message.ProviderReference = await letters.SendAsync(new Texts.LetterMessage(message.To, message.Subject, message.Body, message.Id), ct);
                        break;
                    default:
                        // The same Message-Id on every attempt, so a bounce of any of them finds the message.
                        message.ProviderReference ??= OutboxMessageIds.Create(message.Id, from);
                        await sender.SendAsync(new EmailMessage(message.To, message.Subject, message.Body) { MessageId = message.ProviderReference }, ct);
                        break;
                }

                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
            }
            catch (PermanentDeliveryFailureException failure)
            {
                message.Attempts++;
                message.FailedAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = Truncate(failure.Reason);
                logger.LogWarning("Outbox {Channel} {OutboxId} can never be delivered: {Reason}", message.Channel, message.Id, failure.Reason);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = ex.GetType().Name;
                message.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddMinutes(Math.Pow(2, message.Attempts));
                logger.LogWarning(ex, "Sending outbox {Channel} {OutboxId} failed (attempt {Attempt})", message.Channel, message.Id, message.Attempts);
            }

            message.LeaseOwner = null;
            message.LeaseUntil = null;
            // Saved after each send, not once for the batch: a slow mail server cannot outlast the lease of the
            // messages still waiting, so another instance never takes over (and resends) one already sent.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return batch.Count;
    }

    private static string Truncate(string value) => value.Length <= 1000 ? value : value[..1000];
}
