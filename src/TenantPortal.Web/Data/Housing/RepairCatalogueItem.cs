namespace TenantPortal.Web.Data.Housing;

/// <summary>A type of repair from the landlord's schedule of rates: where, what, what is wrong.</summary>
public class RepairCatalogueItem
{
    public int Id { get; set; }
    public required string Area { get; set; }
    public required string Item { get; set; }
    public required string Problem { get; set; }
    public Trade Trade { get; set; }
    public RepairPriority Priority { get; set; }
    public required string JobCode { get; set; }
    public bool IsTenantResponsibility { get; set; }

    /// <summary>Plain-English advice shown when the item is the tenant's to fix.</summary>
    public string? TenantAdvice { get; set; }
    public HazardType Hazard { get; set; }

    /// <summary>A gas emergency: the tenant is sent to the gas emergency number (<c>LandlordRules.GasEmergencyNumber</c>)
    /// before the landlord's 24-hour line.</summary>
    public bool IsGas { get; set; }

    /// <summary>The defect in the Schedule to the Right to Repair Regulations 1994 this row is, if any (council
    /// landlords: a qualifying repair with a prescribed period).</summary>
    public Features.Repairs.RightToRepairDefect? RightToRepairDefect { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}
