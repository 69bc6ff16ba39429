using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>A planned tenancy with its household, charges, paying habits and repairs, not yet saved.</summary>
internal sealed class TenancyPlan(Tenancy tenancy, LedgerPlan ledger)
{
    public Tenancy Tenancy { get; } = tenancy;
    public LedgerPlan Ledger { get; } = ledger;
    public List<RepairPlan> Repairs { get; } = [];
}

/// <summary>A planned home and its tenancies (an ended one first, where there is one).</summary>
internal sealed class PropertyPlan(Property property)
{
    public Property Property { get; } = property;
    public List<TenancyPlan> Tenancies { get; } = [];
}
