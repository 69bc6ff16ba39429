using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TenantPortal.Web.Features.Account;
using TenantPortal.Web.Features.Notifications;
using TenantPortal.Web.Infrastructure.Configuration;
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
}
