using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Web.Data.Housing;

/// <summary>Normalised copies of the columns officers search (computed by the database, indexed), so every search is a
/// range or equality on an index under any collation: postcodes upper-case without spaces, names and addresses
/// lower-case, the street without its house number, and a repair's priority rank for sorting. Shadow properties: the entities and the HMS's writers never see them.</summary>
public static class SearchKeys
{
    public const string PostcodeKey = nameof(PostcodeKey);
    public const string AddressKey = nameof(AddressKey);
    public const string StreetKey = nameof(StreetKey);
    public const string FirstNameKey = nameof(FirstNameKey);
    public const string LastNameKey = nameof(LastNameKey);

    /// <summary>A repair's priority as its rank (0 emergency, 1 urgent, 2 routine): priorities are stored as text,
    /// whose alphabetical order is not their order, and a CASE in ORDER BY can use no index.</summary>
    public const string PriorityRank = nameof(PriorityRank);

    /// <summary>SQLite adds generated columns only as VIRTUAL (they can still be indexed); SQL Server persists them.</summary>
    internal static void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        var sqlServer = provider == DatabaseProvider.SqlServer;
        var property = modelBuilder.Entity<Property>();
        property.Property<string>(PostcodeKey).HasMaxLength(10).HasComputedColumnSql(Sql(sqlServer, "upper(replace({0}Postcode{1}, ' ', ''))"), stored: sqlServer);
        property.Property<string>(AddressKey).HasMaxLength(200).HasComputedColumnSql(Sql(sqlServer, "lower({0}AddressLine1{1})"), stored: sqlServer);
        property.Property<string>(StreetKey).HasMaxLength(200).HasComputedColumnSql(
            sqlServer
                ? "lower(ltrim(substring([AddressLine1], patindex('%[^0-9 ]%', [AddressLine1] + 'x'), 200)))"
                : "lower(ltrim(\"AddressLine1\", '0123456789 '))",
            stored: sqlServer);
        property.HasIndex(PostcodeKey);
        property.HasIndex(AddressKey);
        property.HasIndex(StreetKey);

        var repair = modelBuilder.Entity<Repair>();
        repair.Property<int>(PriorityRank).HasComputedColumnSql(
            Sql(sqlServer, "case {0}Priority{1} when 'Emergency' then 0 when 'Urgent' then 1 else 2 end"), stored: sqlServer);
        repair.HasIndex(nameof(Repair.TargetDate), PriorityRank);
        repair.HasIndex(PriorityRank, nameof(Repair.TargetDate));
        repair.HasIndex(nameof(Repair.Status), nameof(Repair.TargetDate), PriorityRank);
        OpenDescriptions(repair, provider);

        var tenant = modelBuilder.Entity<Tenant>();
        tenant.Property<string>(FirstNameKey).HasMaxLength(100).HasComputedColumnSql(Sql(sqlServer, "lower({0}FirstName{1})"), stored: sqlServer);
        tenant.Property<string>(LastNameKey).HasMaxLength(100).HasComputedColumnSql(Sql(sqlServer, "lower({0}LastName{1})"), stored: sqlServer);
        tenant.HasIndex(FirstNameKey);
        tenant.HasIndex(LastNameKey);
        tenant.HasIndex(t => t.MobilePhone);
        tenant.HasIndex(t => t.HomePhone);
    }

    public const string OpenDescriptionsIndex = "IX_Repairs_OpenDescriptions";

    /// <summary>SQLite only: an open repair's description, NULL once it is closed (a virtual column: nothing stored).</summary>
    public const string OpenDescription = nameof(OpenDescription);

    /// <summary>The one search no index can seek: words in an open repair's description (<c>LIKE '%tap%'</c>). An
    /// index of only the open repairs (a few percent of them all) lets the search read that small index instead of
    /// every open repair's row (23 ms to 1.4 ms on a million repairs in SQLite).
    /// <list type="bullet">
    /// <item>SQLite: the index is on <see cref="OpenDescription"/> where it is not null. An index filtered on the
    /// status and led by it would do too, but SQLite's planner (no statistics) then takes it for every "open
    /// repairs" query, the default view's included, and reads each open repair's row for the sort (25 ms a page).</item>
    /// <item>SQL Server: filtered on the open statuses, with the description included (as a key column it would
    /// refuse a description over 1,700 bytes); its planner weighs it with statistics.</item>
    /// <item>PostgreSQL: filtered on the open statuses only: an index row over 2,704 bytes is refused, and a long
    /// description could reach that, so the index would refuse an HMS's insert.</item>
    /// </list></summary>
    private static void OpenDescriptions(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Repair> repair, DatabaseProvider provider)
    {
        var open = string.Join(", ", Repair.OpenStatuses.Select(s => $"'{s}'"));
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                SqlServerIndexBuilderExtensions.IncludeProperties(
                    repair.HasIndex(r => r.Status).HasDatabaseName(OpenDescriptionsIndex).HasFilter($"[Status] IN ({open})"), r => r.Description);
                break;
            case DatabaseProvider.PostgreSql:
                repair.HasIndex(r => r.Status).HasDatabaseName(OpenDescriptionsIndex).HasFilter($"[Status] IN ({open})");
                break;
            default:
                repair.Property<string?>(OpenDescription).HasMaxLength(1000)
                    .HasComputedColumnSql($"CASE WHEN \"Status\" IN ({open}) THEN \"Description\" END", stored: false);
                repair.HasIndex(OpenDescription).HasDatabaseName(OpenDescriptionsIndex).HasFilter($"[{OpenDescription}] IS NOT NULL");
                break;
        }
    }

    private static string Sql(bool sqlServer, string format) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, format, sqlServer ? "[" : "\"", sqlServer ? "]" : "\"");
}
