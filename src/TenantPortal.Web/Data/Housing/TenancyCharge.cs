namespace TenantPortal.Web.Data.Housing;

/// <summary>One weekly charge on a tenancy: rent, service charge, water...</summary>
public class TenancyCharge
{
    public int Id { get; set; }
    public int TenancyId { get; set; }
    public required string ChargeCode { get; set; }
    public required string Description { get; set; }
    public decimal WeeklyAmount { get; set; }
}
