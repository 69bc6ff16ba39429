using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TenantPortal.Web.Data;

namespace TenantPortal.Web.Infrastructure.Database;

/// <summary>The idempotent SQL Server scripts a DBA applies with <c>sqlcmd -I -b</c> (docs/deployment.md). This is
/// the one place the portal's scripts are made: EF's idempotent script (each migration in its own
/// <c>BEGIN TRANSACTION</c> … <c>COMMIT</c>, each statement guarded by the history table) after a header that sets
/// what the filtered unique indexes need (<c>QUOTED_IDENTIFIER</c>, <c>ANSI_NULLS</c>) and <c>XACT_ABORT</c>, so an
/// error rolls the whole migration back instead of leaving it half applied and recorded. Run as
/// <c>dotnet TenantPortal.Web.dll sql-script housing|portal FILE</c>; no database is opened.</summary>
public static class SqlServerScripts
{
    public const string Command = "sql-script";

    public const string Header = """
        SET QUOTED_IDENTIFIER ON;
        SET ANSI_NULLS ON;
        SET XACT_ABORT ON;
        GO

        """;

    public static IReadOnlyList<string> Contexts { get; } = ["housing", "portal"];

    /// <summary>The script for one SqlServer context, header first.</summary>
    public static string Generate(DbContext context) =>
        Header + context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

    /// <summary>The script for "housing" or "portal", from the design-time contexts (no connection is opened).</summary>
    public static string Generate(string context)
    {
        using DbContext db = context switch
        {
            "housing" => new SqlServerHousingDesignFactory().CreateDbContext([]),
            "portal" => new SqlServerPortalDesignFactory().CreateDbContext([]),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context, "Expected housing or portal."),
        };
        return Generate(db);
    }

    /// <summary>Handles <c>sql-script CONTEXT FILE</c> on the command line; false for any other arguments (the web app starts).</summary>
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != Command)
        {
            return false;
        }

        if (args.Length != 3 || !Contexts.Contains(args[1]))
        {
            throw new ArgumentException($"Usage: {Command} housing|portal FILE", nameof(args));
        }

        File.WriteAllText(args[2], Generate(args[1]));
        return true;
    }
}
