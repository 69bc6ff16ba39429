using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Data.Seeding;

namespace TenantPortal.Tests.Admin;

/// <summary>Reads and checks the demo database behind a <see cref="PortalAppFactory"/>.</summary>
public static class AdminAppData
{
    public static async Task<T> HousingAsync<T>(this PortalAppFactory factory, Func<HousingDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<HousingDbContext>());
    }

    public static async Task<T> PortalAsync<T>(this PortalAppFactory factory, Func<PortalDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>Open repairs that are not the demo tenancy's, so each test can take its own and leave the demo alone.</summary>
    public static Task<List<string>> OpenRepairsAsync(this PortalAppFactory factory, int take) =>
        factory.HousingAsync(db => db.Repairs.AsNoTracking()
            .Where(r => r.Status == RepairStatus.Reported && r.Tenancy != null && r.Tenancy.Reference != DemoData.TenancyReference
                && r.Tenancy.Reference != DemoData.SecondTenancyReference
                && db.Tenants.Count(t => t.TenancyId == r.TenancyId && t.Email != null) >= 1)
            .OrderBy(r => r.Id).Select(r => r.Reference).Take(take).ToListAsync());

    public static Task<string> DemoOpenRepairAsync(this PortalAppFactory factory) =>
        factory.HousingAsync(db => db.Repairs.AsNoTracking()
            .Where(r => r.Tenancy!.Reference == DemoData.TenancyReference && r.Status == RepairStatus.Reported)
            .Select(r => r.Reference).FirstAsync());

    public static Task<Repair> RepairAsync(this PortalAppFactory factory, string reference) =>
        factory.HousingAsync(db => db.Repairs.AsNoTracking().Include(r => r.History).SingleAsync(r => r.Reference == reference));

    public static Task<List<AuditEntry>> AuditAsync(this PortalAppFactory factory, string recordType, string recordId) =>
        factory.PortalAsync(db => db.AuditLog.AsNoTracking().Where(a => a.RecordType == recordType && a.RecordId == recordId).OrderBy(a => a.Id).ToListAsync());
}
