using System.ComponentModel.DataAnnotations;
using TenantPortal.Web.Data.Housing;
using TenantPortal.Web.Data.Portal;
using TenantPortal.Web.Features.Repairs;

namespace TenantPortal.Web.Features.Admin.RepairContractor;

/// <summary>One of the page's forms. Every field is optional here: the controller checks the ones its form needs.</summary>
public sealed class RepairContractorForm
{
    public Guid Version { get; set; }

    public int? ContractorId { get; set; }

    /// <summary>The UK date the tenant asked for a second contractor, as typed (yyyy-MM-dd from the date input).</summary>
    public string? ReceivedOn { get; set; }

    public CompensationMethod? Method { get; set; }

    [StringLength(500, ErrorMessage = "How it was paid must be 500 characters or fewer")]
    public string? Note { get; set; }

    /// <summary>The landlord's estimated cost in pounds, as typed ("180", "£249.50"); empty clears it.</summary>
    public string? EstimatedCost { get; set; }
}

/// <summary>The contractor of a repair and, for a council's qualifying repair, its Right to Repair record: notices,
/// the tenant's request for a second contractor, the further works order and the compensation.</summary>
public sealed class RepairContractorPage
{
    public const string Assign = nameof(Assign);
    public const string Request = nameof(Request);
    public const string FurtherOrder = nameof(FurtherOrder);
    public const string Compensation = nameof(Compensation);
    public const string Estimate = nameof(Estimate);

    public required string Reference { get; init; }
    public required Guid Version { get; init; }
    public required string What { get; init; }
    public required string Address { get; init; }
    public required RepairStatus Status { get; init; }
    public required bool IsOpen { get; init; }
    public Contractor? Contractor { get; init; }
    public required IReadOnlyList<Contractor> Contractors { get; init; }
    public RightToRepairState? RightToRepair { get; init; }
    public string? Message { get; set; }

    public Dictionary<string, RepairContractorForm> Forms { get; } = [];

    /// <summary>The contractor of the first works order, whom a further works order must not name again.</summary>
    public int? FirstContractorId { get; init; }
}
