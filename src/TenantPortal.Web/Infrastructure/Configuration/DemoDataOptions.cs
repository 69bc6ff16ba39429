namespace TenantPortal.Web.Infrastructure.Configuration;

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Fill an empty database with the demo landlord's data and demo accounts. Refused in Production.</summary>
    public bool Seed { get; set; }
}
