using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Tests.Deployment;

/// <summary>Every index the portal asks of the HMS's tables earns its place: each one costs the landlord's own writes,
/// and a redundant one can mislead a planner. SQLite, which plans without statistics, took (Status, TargetDate) for the
/// queue's default view instead of (Status, TargetDate, PriorityRank), then read every open repair's row to sort by
/// the rank (issue 23).</summary>
public sealed class HousingIndexTests
{
    public static TheoryData<string> Providers => ["Sqlite", "SqlServer", "PostgreSql"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void No_plain_index_is_the_leading_part_of_another_index_on_the_same_table(string provider)
    {
        using var db = Context(provider);

        var redundant = db.Model.GetEntityTypes()
            .SelectMany(entity => entity.GetDeclaredIndexes().Where(IsPlain).SelectMany(index => entity.GetIndexes()
                .Where(other => other != index && other.GetFilter() is null && Leads(index, other))
                .Select(other => $"{entity.GetTableName()}: {Columns(index)} is the start of {Columns(other)}")))
            .ToList();

        Assert.True(redundant.Count == 0, string.Join("\n", redundant));
    }

    [Fact]
    public void The_rule_recognises_an_index_that_starts_another()
    {
        using var db = Context("Sqlite");
        var repairs = db.Model.FindEntityType(typeof(Repair))!;
        var byTenancy = repairs.GetIndexes().Single(i => Columns(i) == "(TenancyId, Status, ReportedAt)");
        var byTrade = repairs.GetIndexes().Single(i => Columns(i) == "(Trade, Status, PropertyId)");
        var byTradeAndDate = repairs.GetIndexes().Single(i => Columns(i) == "(Trade, ReportedAt)");

        Assert.True(Leads(byTenancy, byTenancy));
        Assert.False(Leads(byTrade, byTradeAndDate));
        Assert.False(Leads(byTradeAndDate, byTrade));
    }

    /// <summary>Not unique (a unique index enforces something) and not filtered (it covers other rows).</summary>
    private static bool IsPlain(IIndex index) => !index.IsUnique && index.GetFilter() is null;

    private static bool Leads(IIndex index, IIndex other) =>
        index.Properties.Count <= other.Properties.Count
        && index.Properties.Select(p => p.GetColumnName()).SequenceEqual(other.Properties.Take(index.Properties.Count).Select(p => p.GetColumnName()));

    private static string Columns(IIndex index) => $"({string.Join(", ", index.Properties.Select(p => p.GetColumnName()))})";

    private static HousingDbContext Context(string provider) => provider switch
    {
        "SqlServer" => HousingMappingOptionsTests.SqlServerContext(new HousingMappingOptions()),
        "PostgreSql" => HousingMappingOptionsTests.PostgresContext(new HousingMappingOptions()),
        _ => HousingMappingOptionsTests.SqliteContext(),
    };
}
