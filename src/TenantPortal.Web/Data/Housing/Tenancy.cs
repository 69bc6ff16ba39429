namespace TenantPortal.Web.Data.Housing;

public class Tenancy
{
    public int Id { get; set; }

    /// <summary>Printed on letters and rent statements; what tenants quote.</summary>
    public required string Reference { get; set; }
    public int PropertyId { get; set; }
    public Property Property { get; set; } = null!;
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public TenancyStatus Status { get; set; } = TenancyStatus.Active;

    /// <summary>Weeks in the year rent is charged (48, 50 or 52).</summary>
    public int ChargeWeeksPerYear { get; set; } = 52;

    public BenefitType BenefitType { get; set; }

    /// <summary>Weekly housing costs paid direct by Housing Benefit or Universal Credit.</summary>
    public decimal WeeklyBenefitAmount { get; set; }

    /// <summary>The rent account balance: positive is arrears, negative is credit. Kept equal to the sum of the
    /// transactions by every writer, in the same database transaction.</summary>
    public decimal Balance { get; set; }
    /// <summary>When the portal last moved the balance: a portal column, null on rows only the HMS has written.</summary>
    public DateTime? BalanceUpdatedAt { get; set; }

    public List<TenancyCharge> Charges { get; set; } = [];
    public List<Tenant> Tenants { get; set; } = [];
    public List<HouseholdMember> HouseholdMembers { get; set; } = [];

    public decimal WeeklyTotal => Charges.Sum(c => c.WeeklyAmount);
}
