using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using TenantPortal.Tests.Admin;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Email;
using TenantPortal.Web.Infrastructure.Texts;

namespace TenantPortal.Tests.Notifications;

/// <summary>Texts and letters in the one outbox: sent with the email outbox's lease and back-off, a permanent failure
/// recorded and shown on the tenant's record, letters waiting for officers to print and mark sent.</summary>
public sealed class OutboxDeliveryTests : IDisposable
{
    private readonly Mock<ITextSender> texts = new();
    private readonly PortalAppFactory factory;

    public OutboxDeliveryTests() => factory = new PortalAppFactory(s => s.AddSingleton(texts.Object));

    [Fact]
    public async Task A_number_the_provider_refuses_is_recorded_once_never_retried_and_shown_on_the_tenants_record()
    {
        texts.Setup(t => t.SendAsync(It.IsAny<TextMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PermanentDeliveryFailureException("Twilio refused it: error 21211"));
        var tenantId = await LeadTenantIdAsync();
        var id = await QueueAsync(new OutboxMessage { Channel = MessageChannel.Text, To = DemoData.LeadTenantMobile, Subject = "Repair R2026-09999: we have your report", Body = "Northgate Homes: hello", TenantId = tenantId });

        await DrainAsync();
        await DrainAsync();

        var row = await factory.PortalAsync(db => db.EmailOutbox.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.NotNull(row.FailedAt);
        Assert.Null(row.SentAt);
        Assert.Equal("Twilio refused it: error 21211", row.LastError);
        texts.Verify(t => t.SendAsync(It.Is<TextMessage>(m => m.OutboxId == id), It.IsAny<CancellationToken>()), Times.Once);
        var client = factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);
        var page = await client.GetDocumentAsync($"/admin/tenancies/{DemoData.TenancyReference}");
        var undelivered = page.QuerySelector("#undelivered")!.TextContent;
        Assert.Contains("Messages we could not deliver", undelivered, StringComparison.Ordinal);
        Assert.Contains("Repair R2026-09999: we have your report", undelivered, StringComparison.Ordinal);
        Assert.Contains("Twilio refused it: error 21211", undelivered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_outage_is_retried_later_with_back_off_and_not_recorded_as_a_failure()
    {
        texts.Setup(t => t.SendAsync(It.IsAny<TextMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("connection refused"));
        var id = await QueueAsync(new OutboxMessage { Channel = MessageChannel.Text, To = DemoData.LeadTenantMobile, Subject = "Outage", Body = "Northgate Homes: hello" });

        await DrainAsync();

        var row = await factory.PortalAsync(db => db.EmailOutbox.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Null(row.FailedAt);
        Assert.Null(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(factory.UtcNow.AddMinutes(2), row.NextAttemptAt!.Value, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task In_development_each_text_is_a_file_whose_first_line_is_the_number()
    {
        using var files = new PortalAppFactory();
        var id = await QueueAsync(files, new OutboxMessage { Channel = MessageChannel.Text, To = DemoData.LeadTenantMobile, Subject = "File", Body = $"Northgate Homes: file test {Guid.NewGuid():N}" });

        await DrainAsync(files);

        var body = await files.PortalAsync(db => db.EmailOutbox.Where(m => m.Id == id).Select(m => m.Body).SingleAsync());
        var file = Directory.GetFiles(files.TextFolder, "*.txt").Select(File.ReadAllText).Single(t => t.Contains(body, StringComparison.Ordinal));
        Assert.Equal($"To: {DemoData.LeadTenantMobile}\n{body}\n", file);
    }

    [Fact]
    public async Task A_letter_waits_for_an_officer_who_prints_it_with_the_landlords_address_and_marks_it_sent()
    {
        var id = await QueueAsync(new OutboxMessage
        {
            Channel = MessageChannel.Letter,
            To = $"Alex Morgan\n{DemoData.AddressLine1}\n{DemoData.Town}\n{DemoData.Postcode}",
            Subject = "Repair R2026-09998: we have your report",
            Body = "Dear Alex,\n\nThank you for reporting a repair to Northgate Homes.",
            TenantId = await LeadTenantIdAsync(),
        });
        await DrainAsync();
        Assert.Null(await factory.PortalAsync(db => db.EmailOutbox.Where(m => m.Id == id).Select(m => m.SentAt).SingleAsync()));
        var client = factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(client);

        var list = await client.GetDocumentAsync("/admin/letters");
        Assert.Contains("Repair R2026-09998: we have your report", list.QuerySelector("#letters")!.TextContent, StringComparison.Ordinal);
        var letter = await client.GetDocumentAsync($"/admin/letters/{id}");
        Assert.Contains("Civic Centre, 1 Market Street", letter.QuerySelector(".letter__from")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(DemoData.Postcode, letter.QuerySelector("#letter-to")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Thank you for reporting a repair to Northgate Homes.", letter.QuerySelector("#letter")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(letter.QuerySelector("link[rel=stylesheet][href^='/css/letter.css']"));
        var response = await client.SubmitFormAsync(letter, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await factory.PortalAsync(db => db.EmailOutbox.Where(m => m.Id == id).Select(m => m.SentAt).SingleAsync()));
        var after = await client.GetDocumentAsync("/admin/letters");
        Assert.Equal("Letter marked as sent.", after.QuerySelector("#letters-message")!.TextContent.Trim());
        Assert.DoesNotContain("R2026-09998", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("letter.sent", Assert.Single(await factory.AuditAsync("Letter", id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Action);
    }

    [Fact]
    public async Task Tenants_cannot_see_the_letters_to_send()
    {
        var client = factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        var response = await client.GetAsync(new Uri("/admin/letters", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<int> LeadTenantIdAsync() => factory.HousingAsync(db => db.Tenants
        .Where(t => t.Tenancy.Reference == DemoData.TenancyReference && t.FirstName == DemoData.LeadTenantFirstName).Select(t => t.Id).SingleAsync());

    private Task<long> QueueAsync(OutboxMessage message) => QueueAsync(factory, message);

    private static async Task<long> QueueAsync(PortalAppFactory app, OutboxMessage message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(portal, message);
        await portal.SaveChangesAsync();
        return message.Id;
    }

    private Task DrainAsync() => DrainAsync(factory);

    /// <summary>Runs a worker until nothing is due (the app's own hosted worker may take some rows first).</summary>
    private static async Task DrainAsync(PortalAppFactory app)
    {
        var worker = ActivatorUtilities.CreateInstance<EmailOutboxWorker>(app.Services);
        while (await worker.SendBatchAsync(CancellationToken.None) > 0)
        {
        }

        await Task.Delay(300);
    }

    public void Dispose() => factory.Dispose();
}
