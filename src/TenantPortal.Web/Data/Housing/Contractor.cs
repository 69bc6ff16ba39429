namespace TenantPortal.Web.Data.Housing;

/// <summary>A contractor the landlord lists (the HMS's contractor table): the Right to Repair notice names the one doing
/// a qualifying repair, with their address and phone number.</summary>
public class Contractor
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The postal address, one line per line.</summary>
    public required string Address { get; set; }

    public required string PhoneNumber { get; set; }

    /// <summary>The trade whose jobs the HMS gives this contractor by default (a new job gets them when reported), or null.</summary>
    public Trade? DefaultForTrade { get; set; }

    public bool IsActive { get; set; } = true;
}
