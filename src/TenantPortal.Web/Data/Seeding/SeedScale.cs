namespace TenantPortal.Web.Data.Seeding;

/// <summary>How much demo data to create: <see cref="Demo"/> for the app and tests, <see cref="Large"/> for benchmarks,
/// <see cref="Huge"/> for the largest landlords (benchmarks only, on SQLite; never in tests).</summary>
public enum SeedScale
{
    Demo,
    Large,
    Huge,
}
