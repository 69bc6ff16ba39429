namespace TenantPortal.Web.Infrastructure.Configuration;

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Fill an empty database with the demo landlord's data and demo accounts. Refused in Production.</summary>
    public bool Seed { get; set; }

    /// <summary>Demo (about 220 homes) or Large (20,000 tenancies, 100,000 repairs, 2 million rent lines) for benchmarks.</summary>
    public Data.Seeding.SeedScale Scale { get; set; } = Data.Seeding.SeedScale.Demo;
}
