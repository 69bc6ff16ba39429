using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TenantPortal.Web.Data;

/// <summary>What the PostgreSQL contexts change in the shared model: index filters and check constraints are written
/// with SQL Server's [brackets] in the configurations, and PostgreSQL quotes names with "double quotes"; times are
/// stored as UTC (timestamptz), which Npgsql only accepts for DateTime values of kind Utc.</summary>
internal static partial class PostgresModel
{
    public static void Conventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public static void QuoteNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var index in entity.GetIndexes())
            {
                if (index.GetFilter() is { } filter)
                {
                    index.SetFilter(Quote(filter));
                }
            }

            // PostgreSQL before 18 only has stored generated columns (the queue's search keys).
            foreach (var property in entity.GetProperties().Where(p => p.GetComputedColumnSql() is not null))
            {
                property.SetIsStored(true);
            }

            foreach (var check in entity.GetCheckConstraints().ToList())
            {
                entity.RemoveCheckConstraint(check.ModelName);
                entity.AddCheckConstraint(check.ModelName, Quote(check.Sql));
            }
        }
    }

    internal static string Quote(string sql) => BracketedName().Replace(sql, "\"$1\"");

    [GeneratedRegex(@"\[(\w+)\]")]
    private static partial Regex BracketedName();

    /// <summary>Every time the portal writes is UTC; values read back from SQLite-like sources arrive unspecified.</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
