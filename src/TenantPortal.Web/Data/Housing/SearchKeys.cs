using Microsoft.EntityFrameworkCore;

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
    internal static void Configure(ModelBuilder modelBuilder, bool sqlServer)
    {
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

        var tenant = modelBuilder.Entity<Tenant>();
        tenant.Property<string>(FirstNameKey).HasMaxLength(100).HasComputedColumnSql(Sql(sqlServer, "lower({0}FirstName{1})"), stored: sqlServer);
        tenant.Property<string>(LastNameKey).HasMaxLength(100).HasComputedColumnSql(Sql(sqlServer, "lower({0}LastName{1})"), stored: sqlServer);
        tenant.HasIndex(FirstNameKey);
        tenant.HasIndex(LastNameKey);
        tenant.HasIndex(t => t.MobilePhone);
        tenant.HasIndex(t => t.HomePhone);
    }

    private static string Sql(bool sqlServer, string format) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, format, sqlServer ? "[" : "\"", sqlServer ? "]" : "\"");
}
