using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Admin;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Data.Seeding;
using TenantPortal.Web.Infrastructure.Email;

namespace TenantPortal.Tests.Notifications;

/// <summary>Messages to the demo lead tenant sent through the real outbox worker (with whatever senders the test app
/// has), and what the officer sees on the tenancy's admin page, for the late delivery report tests.</summary>
public static class DeliveryReportTestData
{
    public static Task<int> LeadTenantIdAsync(PortalAppFactory factory) => factory.HousingAsync(db => db.Tenants
        .Where(t => t.Tenancy.Reference == DemoData.TenancyReference && t.FirstName == DemoData.LeadTenantFirstName).Select(t => t.Id).SingleAsync());

    /// <summary>Queues a message for the lead tenant and runs the outbox worker until it is sent; returns the row.</summary>
    public static async Task<OutboxMessage> SentAsync(PortalAppFactory factory, MessageChannel channel, string to, string subject)
    {
        var message = new OutboxMessage { Channel = channel, To = to, Subject = subject, Body = "Northgate Homes: hello", TenantId = await LeadTenantIdAsync(factory) };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(portal, message);
            await portal.SaveChangesAsync();
        }

        // The app's own hosted worker may have claimed it first: wait for whichever instance sends it.
        var worker = ActivatorUtilities.CreateInstance<EmailOutboxWorker>(factory.Services);
        // A real-time limit on the wait (a stopwatch, not the clock: the suite runs at any date and hour).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        OutboxMessage row;
        while ((row = await RowAsync(factory, message.Id)).SentAt is null && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (await worker.SendBatchAsync(CancellationToken.None) == 0)
            {
                await Task.Delay(50);
            }
        }

        Assert.NotNull(row.SentAt);
        return row;
    }

    public static Task<OutboxMessage> RowAsync(PortalAppFactory factory, long id) =>
        factory.PortalAsync(db => db.EmailOutbox.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>The "Messages we could not deliver" box on the demo tenancy's admin page ("" when there is none).</summary>
    public static async Task<string> UndeliveredOnTenancyPageAsync(PortalAppFactory factory)
    {
        var officer = factory.CreateBrowserClient();
        await SignIn.AsOfficerAsync(officer);
        var page = await officer.GetDocumentAsync($"/admin/tenancies/{DemoData.TenancyReference}");
        return page.QuerySelector("#undelivered")?.TextContent ?? "";
    }
}
