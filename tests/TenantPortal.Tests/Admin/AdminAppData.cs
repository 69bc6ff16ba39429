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

    private static int sequence;

    /// <summary>A new Reported routine repair on a non-demo tenancy whose tenant has an email address (the demo data
    /// has few open repairs), so each test changes its own and leaves the demo tenancy alone.</summary>
    public static Task<string> NewRepairAsync(this PortalAppFactory factory) =>
        factory.HousingAsync(async db =>
        {
            var tenancy = await db.Tenancies.AsNoTracking()
                .Where(t => t.Reference != DemoData.TenancyReference && t.Reference != DemoData.SecondTenancyReference && t.Tenants.Any(p => p.Email != null))
                .OrderBy(t => t.Id).Select(t => new { t.Id, t.PropertyId }).FirstAsync();
            var item = await db.RepairCatalogue.AsNoTracking().Where(c => !c.IsTenantResponsibility && c.Hazard == HazardType.None && c.Priority == RepairPriority.Routine)
                .OrderBy(c => c.Id).FirstAsync();
            var reportedAt = factory.UtcNow.AddDays(-2);
            var repair = new Repair
            {
                Reference = $"TEST-{Interlocked.Increment(ref sequence):0000}",
                PropertyId = tenancy.PropertyId,
                TenancyId = tenancy.Id,
                CatalogueItemId = item.Id,
                Trade = item.Trade,
                Priority = item.Priority,
                Description = "Test repair for the admin pages",
                Location = "Kitchen",
                Status = RepairStatus.Reported,
                ReportedAt = reportedAt,
                TargetDate = DateOnly.FromDateTime(reportedAt).AddDays(28),
                Channel = RepairChannel.Portal,
            };
            db.Repairs.Add(repair);
            await db.SaveChangesAsync();
            return repair.Reference;
        });

    public static Task<string> DemoOpenRepairAsync(this PortalAppFactory factory) =>
        factory.HousingAsync(db => db.Repairs.AsNoTracking()
            .Where(r => r.Tenancy!.Reference == DemoData.TenancyReference && r.Status == RepairStatus.Reported)
            .Select(r => r.Reference).FirstAsync());

    public static Task<Repair> RepairAsync(this PortalAppFactory factory, string reference) =>
        factory.HousingAsync(db => db.Repairs.AsNoTracking().Include(r => r.History).SingleAsync(r => r.Reference == reference));

    public static Task<List<AuditEntry>> AuditAsync(this PortalAppFactory factory, string recordType, string recordId) =>
        factory.PortalAsync(db => db.AuditLog.AsNoTracking().Where(a => a.RecordType == recordType && a.RecordId == recordId).OrderBy(a => a.Id).ToListAsync());
}
