using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Foundation;

public sealed class TenantDashboardTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    [Fact]
    public async Task Home_page_shows_the_tenants_balance_and_open_repairs_from_the_housing_database()
    {
        using var scope = app.Factory.Services.CreateScope();
        var housing = scope.ServiceProvider.GetRequiredService<HousingDbContext>();
        var tenancy = await housing.Tenancies.SingleAsync(t => t.Reference == DemoData.TenancyReference);
        var open = await housing.Repairs.CountAsync(r => r.TenancyId == tenancy.Id && r.Status != RepairStatus.Completed && r.Status != RepairStatus.Cancelled);
        var client = app.Factory.CreateBrowserClient();
        await SignIn.AsTenantAsync(client);

        var document = await client.GetDocumentAsync("/");
        var text = document.QuerySelector("main").Text();

        Assert.Contains($"You owe £{tenancy.Balance:N2}", text, StringComparison.Ordinal);
        Assert.Contains($"You have {open} open repairs.", text, StringComparison.Ordinal);
        Assert.Contains("Next appointment:", text, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("a[href='/rent/pay']"));
    }
}
