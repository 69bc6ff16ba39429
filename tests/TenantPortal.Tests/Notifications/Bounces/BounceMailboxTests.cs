using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Email;
using TenantPortal.Web.Infrastructure.Email.Bounces;

namespace TenantPortal.Tests.Notifications.Bounces;

/// <summary>Bounces that arrive later: the bounce mailbox (here a fake POP3 server MailKit talks to) is read under a
/// lease, a permanent failure is recorded on the email's outbox row as a send-time refusal is and shown on the
/// tenant's record, the report is deleted (DELE) and other mail is left alone.</summary>
public sealed class BounceMailboxTests : IAsyncDisposable
{
    private const string Subject = "Repair R2026-00123: we have your report";
    private readonly ConcurrentQueue<EmailMessage> sent = new();
    private readonly FakePop3Server pop3 = new("bounces@northgate-homes.example.org", "pop3-test-password");
    private readonly PortalAppFactory factory;

    public BounceMailboxTests()
    {
        var sender = new Mock<IEmailSender>();
        sender.Setup(s => s.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<EmailMessage, CancellationToken>((message, _) => sent.Enqueue(message))
            .Returns(Task.CompletedTask);
        factory = new PortalAppFactory(s => s.AddSingleton(sender.Object), new Dictionary<string, string?>
        {
            ["Email:Bounces:Host"] = "127.0.0.1",
            ["Email:Bounces:Port"] = pop3.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Bounces:Security"] = "None",
            ["Email:Bounces:UserName"] = pop3.UserName,
            ["Email:Bounces:Password"] = pop3.Password,
        });
    }

    private BounceMailboxWorker Worker => factory.Services.GetRequiredService<BounceMailboxWorker>();

    [Fact]
    public async Task Each_email_goes_with_a_message_id_naming_its_outbox_row_which_the_row_keeps_to_match_bounces()
    {
        var row = await DeliveryReportTestData.SentAsync(factory, MessageChannel.Email, "alex.morgan@example.net", Subject);

        var email = Assert.Single(sent, m => m.Subject == Subject);
        Assert.Equal(row.ProviderReference, email.MessageId);
        Assert.Equal(row.Id, OutboxMessageIds.OutboxId(email.MessageId));
        var from = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TenantPortal.Web.Infrastructure.Configuration.LandlordOptions>>().Value.EmailFrom;
        Assert.EndsWith(from[from.IndexOf('@', StringComparison.Ordinal)..], email.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bounce_is_recorded_as_a_permanent_failure_on_the_tenants_record_deleted_and_other_mail_left_in_the_mailbox()
    {
        var row = await DeliveryReportTestData.SentAsync(factory, MessageChannel.Email, "alex.morgan@example.net", Subject);
        pop3.Deliver(SampleBounces.Reply(row.ProviderReference!));
        pop3.Deliver(SampleBounces.Postfix(row.ProviderReference!));

        var deleted = await Worker.ReadOnceAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Contains("DELE 2", pop3.Commands);
        Assert.DoesNotContain("DELE 1", pop3.Commands);
        Assert.Contains("QUIT", pop3.Commands);
        Assert.Equal([SampleBounces.Reply(row.ProviderReference!)], pop3.Messages);
        var failed = await DeliveryReportTestData.RowAsync(factory, row.Id);
        Assert.NotNull(failed.FailedAt);
        Assert.Equal("The email bounced: the mail server said it can never be delivered (status 5.1.1)", failed.LastError);
        var undelivered = await DeliveryReportTestData.UndeliveredOnTenancyPageAsync(factory);
        Assert.Contains(Subject, undelivered, StringComparison.Ordinal);
        Assert.Contains("The email bounced", undelivered, StringComparison.Ordinal);
        Assert.DoesNotContain("alex.morgan@example.net", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_bounce_twice_records_the_failure_once_and_a_delay_records_nothing_but_is_deleted()
    {
        var bounced = await DeliveryReportTestData.SentAsync(factory, MessageChannel.Email, "alex.morgan@example.net", Subject);
        var delayed = await DeliveryReportTestData.SentAsync(factory, MessageChannel.Email, "sam.okafor@example.com", "Your repair is booked");
        pop3.Deliver(SampleBounces.Exchange(bounced.ProviderReference!));
        await Worker.ReadOnceAsync(CancellationToken.None);
        var first = (await DeliveryReportTestData.RowAsync(factory, bounced.Id)).FailedAt;
        pop3.Deliver(SampleBounces.Gmail(bounced.ProviderReference!));
        pop3.Deliver(SampleBounces.Postfix(delayed.ProviderReference!, action: "delayed", status: "4.4.1"));

        var deleted = await Worker.ReadOnceAsync(CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Empty(pop3.Messages);
        var again = await DeliveryReportTestData.RowAsync(factory, bounced.Id);
        Assert.NotNull(first);
        Assert.Equal(first, again.FailedAt);
        Assert.Contains("5.1.10", again.LastError, StringComparison.Ordinal);
        Assert.Null((await DeliveryReportTestData.RowAsync(factory, delayed.Id)).FailedAt);
    }

    [Fact]
    public async Task A_bounce_quoting_an_outbox_id_with_the_wrong_random_part_records_nothing()
    {
        var row = await DeliveryReportTestData.SentAsync(factory, MessageChannel.Email, "alex.morgan@example.net", Subject);
        pop3.Deliver(SampleBounces.Postfix(OutboxMessageIds.Create(row.Id, "noreply@example.org")));

        await Worker.ReadOnceAsync(CancellationToken.None);

        Assert.Null((await DeliveryReportTestData.RowAsync(factory, row.Id)).FailedAt);
    }

    [Fact]
    public async Task While_another_instance_holds_the_lease_this_one_does_not_open_the_mailbox()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.True(await WorkerLeases.TryTakeAsync(db, BounceMailboxWorker.LeaseName, "another-instance", factory.UtcNow, TimeSpan.FromMinutes(10), CancellationToken.None));
        }

        var deleted = await Worker.ReadOnceAsync(CancellationToken.None);

        Assert.Equal(0, deleted);
        Assert.Equal(0, pop3.Connections);
    }

    public async ValueTask DisposeAsync()
    {
        factory.Dispose();
        await pop3.DisposeAsync();
    }
}
