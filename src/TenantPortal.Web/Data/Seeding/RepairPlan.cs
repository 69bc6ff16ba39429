using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>A planned repair whose keys (property, tenancy, tenant, catalogue item, slot) are filled in when its
/// tenancy has been saved.</summary>
internal sealed class RepairPlan(Repair repair, RepairCatalogueItem item, int reporterIndex, AppointmentSlot? slot)
{
    public Repair Repair { get; } = repair;
    public RepairCatalogueItem Item { get; } = item;

    /// <summary>0 for the lead tenant, 1 for the joint tenant.</summary>
    public int ReporterIndex { get; } = reporterIndex;
    public AppointmentSlot? Slot { get; } = slot;
}
