using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Foundation;

public sealed class StartupSeedingTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    [Fact]
    public async Task App_start_migrates_and_fills_an_empty_database_with_the_demo_landlord()
    {
        using var scope = app.Factory.Services.CreateScope();
        var housing = scope.ServiceProvider.GetRequiredService<HousingDbContext>();

        var properties = await housing.Properties.CountAsync();
        var patches = await housing.Patches.CountAsync();
        var demo = await housing.Tenancies.Include(t => t.Tenants).SingleAsync(t => t.Reference == DemoData.TenancyReference);

        Assert.True(properties >= 200);
        Assert.Equal(3, patches);
        Assert.Equal(2, demo.Tenants.Count);
        Assert.Empty(await housing.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Demo_tenant_account_is_linked_to_the_lead_tenant_of_DEMO_0001()
    {
        using var scope = app.Factory.Services.CreateScope();
        var housing = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
        var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var user = await portal.Users.SingleAsync(u => u.Email == DemoData.LeadTenantEmail);
        var tenant = await housing.Tenants.Include(t => t.Tenancy).SingleAsync(t => t.Id == user.TenantId);

        Assert.Equal(DemoData.TenancyReference, tenant.Tenancy.Reference);
        Assert.Equal(DemoData.LeadTenantFullName, tenant.FullName);
    }

    [Fact]
    public async Task Signed_in_tenant_is_greeted_by_name_on_the_home_page()
    {
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        var document = await client.GetDocumentAsync("/");

        Assert.Equal($"Hello, {DemoData.LeadTenantFullName}", document.QuerySelector("h1").Text());
    }
}
