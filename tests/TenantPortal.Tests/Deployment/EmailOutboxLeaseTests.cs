using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Email;

namespace TenantPortal.Tests.Deployment;

/// <summary>Several instances' email workers on one outbox: every email is sent exactly once (on SQLite here, on
/// PostgreSQL in <see cref="PostgresEmailOutboxLeaseTests"/>).</summary>
public class EmailOutboxLeaseTests : IDisposable
{
    private readonly ConcurrentQueue<string> sent = new();
    private readonly PortalAppFactory factory;

    public EmailOutboxLeaseTests()
        : this(null)
    {
    }

    protected EmailOutboxLeaseTests(IDictionary<string, string?>? settings)
    {
        var sender = new Mock<IEmailSender>();
        sender.Setup(s => s.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .Returns<EmailMessage, CancellationToken>(async (message, _) =>
            {
                await Task.Yield();
                sent.Enqueue(message.To);
            });
        factory = new PortalAppFactory(services => services.AddSingleton(sender.Object), settings);
    }

    [Fact]
    public async Task Four_workers_draining_one_outbox_at_once_send_each_email_exactly_once()
    {
        var addresses = Enumerable.Range(0, 60).Select(i => $"outbox-{i}-{Guid.NewGuid():N}@example.org").ToList();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            portal.EmailOutbox.AddRange(addresses.Select(a => new OutboxMessage { To = a, Subject = "Lease test", Body = "Body", CreatedAt = factory.UtcNow }));
            await portal.SaveChangesAsync();
        }

        // The app's own hosted worker is a fourth instance, running alongside these three.
        var workers = Enumerable.Range(0, 3).Select(_ => ActivatorUtilities.CreateInstance<EmailOutboxWorker>(factory.Services)).ToList();
        await Task.WhenAll(workers.Select(async w =>
        {
            while (await w.SendBatchAsync(CancellationToken.None) > 0)
            {
            }
        }));
        await WaitUntilAllSentAsync(addresses);

        var ours = sent.Where(addresses.Contains).ToList();
        Assert.Equal(addresses.Count, ours.Count);
        Assert.Equal(addresses.Order(), ours.Order());
    }

    private async Task WaitUntilAllSentAsync(List<string> addresses)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (!await portal.EmailOutbox.AnyAsync(m => addresses.Contains(m.To) && (m.SentAt == null || m.LeaseOwner != null)))
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same workers on a real PostgreSQL server, where claims of different workers interleave.</summary>
public sealed class PostgresEmailOutboxLeaseTests() : EmailOutboxLeaseTests(PostgresServer.Settings);
