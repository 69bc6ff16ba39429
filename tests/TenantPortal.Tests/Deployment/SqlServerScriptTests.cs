using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data;
using TenantPortal.Web.Infrastructure.Database;

namespace TenantPortal.Tests.Deployment;

/// <summary>The idempotent SQL Server scripts a DBA runs with <c>sqlcmd -I -b</c> (docs/deployment.md). Without
/// QUOTED_IDENTIFIER and ANSI_NULLS ON the filtered unique indexes ("posted once", "one job per submit") fail, and
/// without XACT_ABORT a failed statement leaves the rest of the migration to run and record itself as applied.
/// No SQL Server is reached: the scripts are generated from the SqlServer contexts' migrations.</summary>
public sealed partial class SqlServerScriptTests
{
    public static TheoryData<string> Contexts => [.. SqlServerScripts.Contexts];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_script_starts_with_the_set_options_filtered_indexes_and_stopping_on_error_need(string context)
    {
        var script = SqlServerScripts.Generate(context);

        var firstLines = Lines(script).Take(4).ToArray();

        Assert.Equal(["SET QUOTED_IDENTIFIER ON;", "SET ANSI_NULLS ON;", "SET XACT_ABORT ON;", "GO"], firstLines);
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_migration_runs_in_its_own_transaction(string context)
    {
        var script = SqlServerScripts.Generate(context);
        var migrations = Migrations(context);
        var transactions = new List<HashSet<string>>();
        HashSet<string>? open = null;

        foreach (var line in Lines(script))
        {
            if (line == "BEGIN TRANSACTION;")
            {
                Assert.Null(open);
                open = [];
                transactions.Add(open);
            }
            else if (line == "COMMIT;")
            {
                Assert.NotNull(open);
                open = null;
            }
            else if (MigrationGuard().Match(line) is { Success: true } guard)
            {
                Assert.True(open is not null, $"{context}: a statement of {guard.Groups[1].Value} runs outside a transaction: {line}");
                open.Add(guard.Groups[1].Value);
            }
        }

        Assert.Null(open);
        Assert.NotEmpty(migrations);
        Assert.Equal(migrations, transactions.Select(t => Assert.Single(t)));
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_script_has_nothing_sqlcmd_would_split_substitute_or_run_as_a_command(string context)
    {
        var script = SqlServerScripts.Generate(context);

        // sqlcmd splits batches at a line "GO" even inside a string literal: every batch must close its strings.
        var batches = BatchSeparator().Split(script);
        Assert.True(batches.Length > 2, "the script is split into batches");
        Assert.All(batches, batch => Assert.True(batch.Count(c => c == '\'') % 2 == 0, $"{context}: a batch ends inside a string literal:\n{batch}"));
        // $(name) is a sqlcmd variable and a line starting with ':' a sqlcmd command (:r, :exit, :setvar).
        Assert.DoesNotContain("$(", script, StringComparison.Ordinal);
        Assert.DoesNotContain(Lines(script), line => line.TrimStart().StartsWith(':'));
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Filtered_indexes_are_created_only_after_the_set_options(string context)
    {
        var script = SqlServerScripts.Generate(context);
        var options = script.IndexOf("SET XACT_ABORT ON;", StringComparison.Ordinal);

        var filtered = FilteredUniqueIndexes(context);

        Assert.NotEmpty(filtered);
        Assert.All(filtered, index =>
        {
            var created = script.IndexOf($"CREATE UNIQUE INDEX [{index}]", StringComparison.Ordinal);
            Assert.True(created > options && options >= 0, $"{context}: {index} is not created after the SET options");
        });
    }

    [Fact]
    public void The_deployment_guide_lists_every_filtered_unique_index_to_verify()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "deployment.md"));
        var query = Regex.Match(guide, @"```sql\s*-- Verify the filtered unique indexes(.*?)```", RegexOptions.Singleline);
        Assert.True(query.Success, "docs/deployment.md has the verification query");

        var listed = QuotedName().Matches(query.Groups[1].Value).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);

        Assert.Equal(SqlServerScripts.Contexts.SelectMany(FilteredUniqueIndexes).Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public void The_documented_grants_name_one_object_each_and_cover_every_housing_table()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "deployment.md"));
        var grants = Lines(guide).Where(l => l.StartsWith("GRANT ", StringComparison.Ordinal)).ToList();

        // T-SQL allows one securable per GRANT: "GRANT SELECT ON dbo.A, dbo.B" is a syntax error.
        var objects = grants.Select(line =>
        {
            var grant = GrantStatement().Match(line);
            Assert.True(grant.Success, $"not a one-object GRANT: {line}");
            return grant.Groups["object"].Value;
        }).ToList();
        using var housing = new SqlServerHousingDesignFactory().CreateDbContext([]);
        var tables = housing.Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .Select(e => $"{e.GetSchema() ?? "dbo"}.{e.GetTableName()}").Distinct();

        Assert.All(tables, table => Assert.Contains(table, objects));
        Assert.Equal(objects.Count, objects.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private static DbContext Create(string context) => context == "housing"
        ? new SqlServerHousingDesignFactory().CreateDbContext([])
        : new SqlServerPortalDesignFactory().CreateDbContext([]);

    private static List<string> Migrations(string context)
    {
        using var db = Create(context);
        return db.Database.GetMigrations().ToList();
    }

    private static List<string> FilteredUniqueIndexes(string context)
    {
        using var db = Create(context);
        return db.GetService<IDesignTimeModel>().Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes())
            .Where(i => i.IsUnique && i.GetFilter() is not null)
            .Select(i => i.GetDatabaseName()!)
            .Distinct()
            .ToList();
    }

    [GeneratedRegex(@"WHERE \[MigrationId\] = N'([^']+)'")]
    private static partial Regex MigrationGuard();

    [GeneratedRegex(@"^GO\s*$", RegexOptions.Multiline)]
    private static partial Regex BatchSeparator();

    [GeneratedRegex(@"'([A-Za-z][A-Za-z0-9_]*)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"^GRANT [A-Z, ]+ ON (?<object>(SCHEMA::)?[A-Za-z_]+(\.[A-Za-z_]+)?) TO [A-Za-z_]+;")]
    private static partial Regex GrantStatement();
}
