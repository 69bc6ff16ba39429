using MimeKit;
using TenantPortal.Web.Infrastructure.Email;
using TenantPortal.Web.Infrastructure.Email.Bounces;

namespace TenantPortal.Tests.Notifications.Bounces;

/// <summary>Reading bounces (RFC 3464 delivery status notifications) as Postfix, Exchange Online and Gmail send them:
/// Action: failed with a 5.x.x status is permanent, a 4.x.x delay is not, and the original Message-Id (ours:
/// outbox-{id}.{random}@host) is found in the quoted headers.</summary>
public sealed class DeliveryStatusNotificationTests
{
    private const string MessageId = "outbox-4711.0123456789abcdef@northgate-homes.example.org";

    private static MimeMessage Parse(string raw) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));

    public static TheoryData<string, string, string> Permanent() => new()
    {
        { "Postfix", SampleBounces.Postfix(MessageId), "5.1.1" },
        { "Exchange Online", SampleBounces.Exchange(MessageId), "5.1.10" },
        { "Gmail", SampleBounces.Gmail(MessageId), "5.1.1" },
    };

    [Theory]
    [MemberData(nameof(Permanent))]
    public void A_failed_5xx_report_is_permanent_and_names_our_outbox_message(string server, string raw, string status)
    {
        var report = DeliveryStatusNotifications.Read(Parse(raw));

        Assert.NotNull(report);
        Assert.True(report.Permanent, server);
        Assert.Equal(status, report.Status);
        Assert.Equal(MessageId, OutboxMessageIds.Normalise(report.OriginalMessageId!));
        Assert.Equal(4711, OutboxMessageIds.OutboxId(report.OriginalMessageId));
    }

    [Fact]
    public void A_4xx_delay_is_a_report_but_not_a_permanent_failure()
    {
        var report = DeliveryStatusNotifications.Read(Parse(SampleBounces.Postfix(MessageId, action: "delayed", status: "4.4.1")));

        Assert.NotNull(report);
        Assert.False(report.Permanent);
        Assert.Equal("4.4.1", report.Status);
    }

    [Fact]
    public void An_ordinary_email_is_not_a_report()
    {
        Assert.Null(DeliveryStatusNotifications.Read(Parse(SampleBounces.Reply(MessageId))));
    }

    [Theory]
    [InlineData("<outbox-12.0123456789abcdef@example.org>", 12L)]
    [InlineData("outbox-12.0123456789abcdef@example.org", 12L)]
    [InlineData("outbox-12@example.org", null)]
    [InlineData("<20261110100512.3F2A81C0A2F@mail.example.org>", null)]
    [InlineData(null, null)]
    public void Only_a_message_id_the_outbox_made_names_an_outbox_message(string? messageId, long? outboxId)
    {
        Assert.Equal(outboxId, OutboxMessageIds.OutboxId(messageId));
    }

    [Fact]
    public void The_outbox_makes_message_ids_with_its_id_a_random_part_and_the_senders_domain()
    {
        var first = OutboxMessageIds.Create(42, "noreply@northgate-homes.example.org");
        var second = OutboxMessageIds.Create(42, "noreply@northgate-homes.example.org");

        Assert.Matches("^outbox-42\\.[0-9a-f]{16}@northgate-homes\\.example\\.org$", first);
        Assert.NotEqual(first, second);
        Assert.Equal(42, OutboxMessageIds.OutboxId(first));
    }
}
