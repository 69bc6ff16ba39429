using Microsoft.Extensions.DependencyInjection;
using Moq;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Infrastructure.Email;
using TenantPortal.Web.Infrastructure.Email.Bounces;

namespace TenantPortal.Tests.Notifications.Bounces;

/// <summary>The bounce mailbox over IMAP (here a fake IMAP server MailKit talks to): the report is recorded, flagged
/// \Deleted and expunged; other mail stays in the inbox.</summary>
public sealed class ImapBounceMailboxTests : IAsyncDisposable
{
    private readonly FakeImapServer imap = new("bounces@northgate-homes.example.org", "imap-test-password");
    private readonly PortalAppFactory factory;

    public ImapBounceMailboxTests() => factory = new PortalAppFactory(s => s.AddSingleton(Mock.Of<IEmailSender>()), new Dictionary<string, string?>
    {
        ["Email:Bounces:Host"] = "127.0.0.1",
        ["Email:Bounces:Port"] = imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Bounces:Protocol"] = "Imap",
        ["Email:Bounces:Security"] = "None",
        ["Email:Bounces:UserName"] = imap.UserName,
        ["Email:Bounces:Password"] = imap.Password,
    });

    [Fact]
    public async Task A_bounce_read_over_imap_is_recorded_and_expunged_and_other_mail_stays()
    {
        var row = await DeliveryReportTestData.SentAsync(factory, MessageChannel.Email, "alex.morgan@example.net", "Repair R2026-00123: we have your report");
        imap.Deliver(SampleBounces.Reply(row.ProviderReference!));
        imap.Deliver(SampleBounces.Gmail(row.ProviderReference!));

        var deleted = await factory.Services.GetRequiredService<BounceMailboxWorker>().ReadOnceAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Contains(imap.Commands, c => c.Contains("UID STORE 2 +FLAGS.SILENT (\\Deleted)", StringComparison.Ordinal));
        Assert.Contains(imap.Commands, c => c.EndsWith(" EXPUNGE", StringComparison.Ordinal));
        Assert.Equal([SampleBounces.Reply(row.ProviderReference!)], imap.Messages);
        Assert.NotNull((await DeliveryReportTestData.RowAsync(factory, row.Id)).FailedAt);
    }

    public async ValueTask DisposeAsync()
    {
        factory.Dispose();
        await imap.DisposeAsync();
    }
}
