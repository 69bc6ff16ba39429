using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Data.Portal;

/// <summary>How the compensation for a missed second period was paid.</summary>
public enum CompensationMethod { RentAccount, Other }

/// <summary>The Right to Repair record of one qualifying repair (council landlords): when the application was
/// received, the tenant's request for a second contractor and the compensation paid. Portal-owned (the HMS keeps only
/// the repair and its contractor); the repair notices are <see cref="RightToRepairNotice"/> rows.</summary>
public class RightToRepairCase
{
    public int Id { get; set; }

    /// <summary>The housing repair (<c>Repairs.Id</c>); no foreign key across the two databases.</summary>
    public int RepairId { get; set; }

    public int TenancyId { get; set; }

    public RightToRepairDefect Defect { get; set; }

    /// <summary>The UK date the landlord received the tenant's application: the period starts the next working day.</summary>
    public DateOnly ReceivedOn { get; set; }

    public int PrescribedWorkingDays { get; set; }

    /// <summary>The UK date the landlord received the tenant's request for a second contractor.</summary>
    public DateOnly? SecondContractorRequestedOn { get; set; }

    public DateTime? SecondContractorRequestRecordedAt { get; set; }

    public string? SecondContractorRequestedBy { get; set; }

    /// <summary>True when the tenant asked online, false when an officer recorded a phone call or letter.</summary>
    public bool SecondContractorRequestedOnline { get; set; }

    /// <summary>The landlord's estimate of the repair's cost, recorded by an officer; above
    /// <see cref="RightToRepair.QualifyingCostLimit"/> the repair is not a qualifying repair. Null: no estimate yet.</summary>
    public decimal? EstimatedCost { get; set; }

    public decimal? CompensationPaid { get; set; }

    public DateTime? CompensationPaidAt { get; set; }

    public string? CompensationPaidBy { get; set; }

    public CompensationMethod? CompensationMethod { get; set; }

    public string? CompensationNote { get; set; }

    /// <summary>The rent account credit (<c>RentTransactions.Id</c>) when paid that way.</summary>
    public long? CompensationRentTransactionId { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<RightToRepairNotice> Notices { get; } = [];
}

/// <summary>A repair notice as sent to the tenant and kept: the works order it belongs to (1 the first, 2 the further
/// works order to another contractor), the contractor's name, address and phone as they were, the last day of the
/// prescribed period, and the whole text.</summary>
public class RightToRepairNotice
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public int WorksOrder { get; set; }

    public int ContractorId { get; set; }

    public required string ContractorName { get; set; }

    public required string ContractorAddress { get; set; }

    public required string ContractorPhone { get; set; }

    public DateOnly LastDay { get; set; }

    public DateTime IssuedAt { get; set; }

    public required string IssuedBy { get; set; }

    public required string Text { get; set; }
}
