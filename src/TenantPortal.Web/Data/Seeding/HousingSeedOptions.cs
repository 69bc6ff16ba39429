namespace TenantPortal.Web.Data.Seeding;

/// <summary>The size of the generated housing data. Use <see cref="For"/> for the standard sizes, or <c>with</c> to ask
/// for something in between (a test can run a scaled-down large seed quickly).</summary>
public sealed record HousingSeedOptions
{
    /// <summary>Homes to create; each has one active tenancy (a few also have an earlier, ended one).</summary>
    public int Properties { get; init; } = 220;

    /// <summary>Patches (areas) to spread the homes over; at most <see cref="DemoPlaces.MaxPatches"/>.</summary>
    public int Patches { get; init; } = 3;

    /// <summary>Weeks of rent account history up to today.</summary>
    public int HistoryWeeks { get; init; } = 104;

    /// <summary>Weeks of repair history up to today.</summary>
    public int RepairHistoryWeeks { get; init; } = 104;

    /// <summary>Average repairs reported per tenancy over the repair history.</summary>
    public double RepairsPerTenancy { get; init; } = 2.0;

    /// <summary>Tenancies written per batch; the change tracker is cleared between batches.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Whether to create the fixed records in <see cref="DemoData"/> (DEMO-0001, DEMO-0002).</summary>
    public bool IncludeDemoRecords { get; init; } = true;

    /// <summary>The seed for every random choice: the same seed and today's date give the same data.</summary>
    public int RandomSeed { get; init; } = 20_240_401;

    public static HousingSeedOptions Demo { get; } = new();

    /// <summary>About 20,000 tenancies, 100,000 repairs and 2 million rent transactions.</summary>
    public static HousingSeedOptions Large { get; } = new()
    {
        Properties = 20_000,
        Patches = 8,
        HistoryWeeks = 60,
        RepairHistoryWeeks = 104,
        RepairsPerTenancy = 6,
        BatchSize = 1000,
    };

    /// <summary>About 150,000 homes and tenancies (the largest UK landlords have about 125,000 homes), a million repairs
    /// and 15 million rent transactions, streamed in batches (<see cref="Streamed"/>).</summary>
    public static HousingSeedOptions Huge { get; } = new()
    {
        Properties = 150_000,
        Patches = DemoPlaces.MaxPatches,
        HistoryWeeks = 60,
        RepairHistoryWeeks = 104,
        RepairsPerTenancy = 7.8,
        BatchSize = 2000,
        Streamed = true,
    };

    /// <summary>Plans and writes the homes batch by batch, each batch in its own transaction, so memory stays bounded
    /// whatever the size: repairs get provisional references, numbered in the order they were reported at the end by
    /// one UPDATE (SQLite only). Otherwise everything is planned first and written in one transaction.</summary>
    public bool Streamed { get; init; }

    public static HousingSeedOptions For(SeedScale scale) => scale switch
    {
        SeedScale.Large => Large,
        SeedScale.Huge => Huge,
        _ => Demo,
    };
}
