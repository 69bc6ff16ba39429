using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Features.Notifications;
using TenantPortal.Web.Infrastructure.Configuration;
using TenantPortal.Web.Infrastructure.Database;
using TenantPortal.Web.Infrastructure.Web;

namespace TenantPortal.Tests.Notifications;

/// <summary>The message texts as a landlord with a long name would send them.</summary>
public static class NotificationTestData
{
    public const string PublicBaseUrl = "https://portal.northgate-homes.example.org";

    public static TenantMessages Messages(string landlord = "Northgate Homes") => new(
        Options.Create(new LandlordOptions { Name = landlord, PhoneNumber = "0300 123 4567", EmergencyPhoneNumber = "0300 123 4999" }),
        new PublicLinks(Options.Create(new AccountOptions { PublicBaseUrl = PublicBaseUrl })));

    /// <summary>The address an app under test builds its links from.</summary>
    public static string PublicBaseUrlOf(Repairs.RepairsApp app) =>
        app.Factory.Services.GetRequiredService<IOptions<AccountOptions>>().Value.PublicBaseUrl!.TrimEnd('/');

    /// <summary>Sets the demo tenant's contact preferences and mobile number; returns their tenant id.</summary>
    public static async Task<int> SetDemoTenantContactAsync(Repairs.RepairsApp app, ContactMethod preferred, bool agreesToEmails, bool agreesToTexts, string mobile)
    {
        var tenantId = await app.WithPortalAsync(db => db.Users.Where(u => u.Email == DemoSeeder.TenantEmail).Select(u => u.TenantId!.Value).SingleAsync());
        await app.WithHousingAsync(db => db.Tenants.Where(t => t.Id == tenantId).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.PreferredContactMethod, preferred)
            .SetProperty(t => t.AgreesToEmails, agreesToEmails)
            .SetProperty(t => t.AgreesToTexts, agreesToTexts)
            .SetProperty(t => t.MobilePhone, mobile)
            .SetProperty(t => t.Version, Guid.NewGuid())));
        return tenantId;
    }

    /// <summary>Every message queued for a tenant that names the reference, oldest first.</summary>
    public static Task<List<OutboxMessage>> MessagesAboutAsync(Repairs.RepairsApp app, int tenantId, string reference) => app.WithPortalAsync(db => db.EmailOutbox.AsNoTracking()
        .Where(m => m.TenantId == tenantId && (m.Subject.Contains(reference) || m.Body.Contains(reference)))
        .OrderBy(m => m.Id).ToListAsync());
}
