namespace TenantPortal.Web.Data.Seeding;

/// <summary>How much demo data to create: <see cref="Demo"/> for the app and tests, <see cref="Large"/> for benchmarks.</summary>
public enum SeedScale
{
    Demo,
    Large,
}
