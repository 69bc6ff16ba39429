namespace TenantPortal.Web.Data.Housing;

/// <summary>Someone who lives in the home but is not a party to the tenancy.</summary>
public class HouseholdMember
{
    public int Id { get; set; }
    public int TenancyId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public string Relationship { get; set; } = "Other";
    public bool HasCautionaryAlert { get; set; }
}
