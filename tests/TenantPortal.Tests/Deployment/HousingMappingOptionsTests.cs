using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Tests.Deployment;

/// <summary>The <c>Housing:Mapping</c> options an existing HMS needs (docs/housing-database.md), checked on the model
/// and on the SQL Server DDL and update SQL EF makes with them. No database is reached: the SQL Server commands are
/// captured by an interceptor and never run.</summary>
public sealed partial class HousingMappingOptionsTests
{
    private const string SqlServer = "Server=localhost;Database=Hms;Trusted_Connection=True;TrustServerCertificate=True";
    private const string Postgres = "Host=localhost;Database=hms";

    [Fact]
    public void The_default_mapping_keeps_the_portal_version_columns_identity_keys_and_nvarchar_text()
    {
        using var db = SqlServerContext(new HousingMappingOptions());
        var version = db.Model.FindEntityType(typeof(Repair))!.FindProperty(nameof(Repair.Version))!;

        var repairs = CreateTable(db, "Repairs");

        Assert.True(version.IsConcurrencyToken);
        Assert.Equal(ValueGenerated.Never, version.ValueGenerated);
        Assert.Contains("[Version] uniqueidentifier NOT NULL DEFAULT (NEWID())", repairs, StringComparison.Ordinal);
        Assert.Contains("[Id] int NOT NULL IDENTITY", repairs, StringComparison.Ordinal);
        Assert.Contains("[Description] nvarchar(1000) NOT NULL", repairs, StringComparison.Ordinal);
        Assert.DoesNotContain("rowversion", repairs, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_column_the_portal_adds_to_an_hms_table_is_nullable_or_has_a_database_default_on_every_provider()
    {
        foreach (var db in new HousingDbContext[] { SqlServerContext(new HousingMappingOptions()), PostgresContext(new HousingMappingOptions()), SqliteContext() })
        {
            using (db)
            {
                foreach (var column in HousingMapping.PortalColumns)
                {
                    var property = db.Model.FindEntityType(column.Entity)!.FindProperty(column.Property)!;
                    Assert.Equal(column.Column, property.GetColumnName());
                    Assert.True(property.IsNullable || property.GetDefaultValueSql() is not null || property.GetDefaultValue() is not null,
                        $"{db.Database.ProviderName}: {column.Table}.{column.Column} is NOT NULL without a default, so the HMS's own inserts would fail");
                    Assert.Equal(column.Default is null, property.IsNullable);
                }
            }
        }
    }

    [Fact]
    public void The_database_defaults_are_what_an_hms_row_means_and_the_portal_still_writes_its_own_values()
    {
        using var db = SqlServerContext(new HousingMappingOptions());
        var repairs = CreateTable(db, "Repairs");
        var history = CreateTable(db, "RepairStatusHistory");
        var slots = CreateTable(db, "AppointmentSlots");

        Assert.Contains("[Channel] nvarchar(20) NOT NULL DEFAULT N'Officer'", repairs, StringComparison.Ordinal);
        Assert.Contains("[HazardType] nvarchar(20) NOT NULL DEFAULT N'None'", repairs, StringComparison.Ordinal);
        Assert.Contains("[IsHazard] bit NOT NULL DEFAULT CAST(0 AS bit)", repairs, StringComparison.Ordinal);
        Assert.Contains("[NoteVisibleToTenant] bit NOT NULL DEFAULT CAST(0 AS bit)", history, StringComparison.Ordinal);
        Assert.Contains("[BookedCount] int NOT NULL DEFAULT 0", slots, StringComparison.Ordinal);
        // A database default would otherwise make EF leave out a value equal to the CLR default (Portal, the first channel).
        Assert.All(HousingMapping.PortalColumns.Where(c => c.Default is not null),
            c => Assert.Equal(ValueGenerated.Never, db.Model.FindEntityType(c.Entity)!.FindProperty(c.Property)!.ValueGenerated));
    }

    [Fact]
    public void The_portal_keeps_its_own_tables_in_the_housing_database_in_schema_portal_on_sql_server_and_postgresql_but_not_sqlite()
    {
        using var sqlServer = SqlServerContext(new HousingMappingOptions());
        using var postgres = PostgresContext(new HousingMappingOptions());
        using var sqlite = SqliteContext();

        foreach (var type in HousingMapping.PortalTables)
        {
            Assert.Equal("portal", sqlServer.Model.FindEntityType(type)!.GetSchema());
            Assert.Equal("portal", postgres.Model.FindEntityType(type)!.GetSchema());
            Assert.Null(sqlite.Model.FindEntityType(type)!.GetSchema());
        }

        Assert.Contains("CREATE TABLE [portal].[RepairReferenceCounters]", sqlServer.Database.GenerateCreateScript(), StringComparison.Ordinal);
        Assert.Null(sqlServer.Model.FindEntityType(typeof(Repair))!.GetSchema());
    }

    [Fact]
    public void With_the_hms_rowversion_the_token_is_its_rowversion_column_and_the_portal_adds_no_version_column()
    {
        using var db = SqlServerContext(new HousingMappingOptions { Concurrency = HousingConcurrency.RowVersion, RowVersionColumn = "row_ver" });

        foreach (var type in new[] { typeof(Tenant), typeof(Repair), typeof(Complaint) })
        {
            var version = db.Model.FindEntityType(type)!.FindProperty(HousingMapping.VersionProperty)!;
            Assert.Equal("row_ver", version.GetColumnName());
            Assert.Equal("rowversion", version.GetColumnType());
            Assert.True(version.IsConcurrencyToken);
            Assert.Equal(ValueGenerated.OnAddOrUpdate, version.ValueGenerated);
        }

        var repairs = CreateTable(db, "Repairs");
        Assert.Contains("[row_ver] rowversion NOT NULL", repairs, StringComparison.Ordinal);
        Assert.DoesNotContain("[Version]", repairs, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_hms_rowversion_an_update_checks_and_reads_back_the_rowversion_and_never_writes_it()
    {
        var sql = CaptureSave(new HousingMappingOptions { Concurrency = HousingConcurrency.RowVersion }, db =>
        {
            var repair = AttachedRepair(db);
            repair.Status = RepairStatus.Completed;
        });

        var update = Assert.Single(sql);
        Assert.Matches(@"WHERE \[Id\] = @\w+ AND \[RowVersion\] = @\w+", update);
        Assert.Contains("INSERTED.[RowVersion]", update, StringComparison.Ordinal);
        var set = Regex.Match(update, @"SET (.*?)\s+OUTPUT", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("[Status] = @", set, StringComparison.Ordinal);
        Assert.DoesNotContain("RowVersion", set, StringComparison.Ordinal);
    }

    [Fact]
    public void On_postgresql_the_hms_rowversion_is_the_xmin_system_column()
    {
        using var db = PostgresContext(new HousingMappingOptions { Concurrency = HousingConcurrency.RowVersion });

        var version = db.Model.FindEntityType(typeof(Tenant))!.FindProperty(HousingMapping.VersionProperty)!;

        Assert.Equal("xmin", version.GetColumnName());
        Assert.Equal("xid", version.GetColumnType());
        Assert.True(version.IsConcurrencyToken);
        Assert.Equal(ValueGenerated.OnAddOrUpdate, version.ValueGenerated);
    }

    [Fact]
    public void Sqlite_has_no_rowversion_and_says_so_when_asked_for_one()
    {
        var options = new DbContextOptionsBuilder<SqliteHousingDbContext>().UseSqlite("Data Source=:memory:")
            .UseHousingMapping(new HousingMappingOptions { Concurrency = HousingConcurrency.RowVersion }).Options;
        using var db = new SqliteHousingDbContext(options);

        var error = Assert.Throws<NotSupportedException>(() => db.Model);

        Assert.Contains("Housing:Mapping:Concurrency RowVersion needs SQL Server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_from_an_hms_sequence_replace_identity_for_the_tables_named()
    {
        using var db = SqlServerContext(new HousingMappingOptions { KeySequences = new() { ["Repairs"] = "hms.repair_id_seq" } });

        var repairs = CreateTable(db, "Repairs");
        var tenants = CreateTable(db, "Tenants");

        Assert.Contains("[Id] int NOT NULL DEFAULT (NEXT VALUE FOR hms.repair_id_seq)", repairs, StringComparison.Ordinal);
        Assert.DoesNotContain("IDENTITY", repairs, StringComparison.Ordinal);
        Assert.Contains("[Id] int NOT NULL IDENTITY", tenants, StringComparison.Ordinal);
        Assert.Equal(ValueGenerated.OnAdd, db.Model.FindEntityType(typeof(Repair))!.FindPrimaryKey()!.Properties[0].ValueGenerated);
    }

    [Fact]
    public void On_postgresql_keys_from_an_hms_sequence_use_nextval()
    {
        using var db = PostgresContext(new HousingMappingOptions { KeySequences = new() { ["Repairs"] = "hms.repair_id_seq" } });

        var script = db.Database.GenerateCreateScript();
        var repairs = Regex.Match(script, "CREATE TABLE \"Repairs\" \\((.*?)\\);", RegexOptions.Singleline).Value;

        Assert.Contains("\"Id\" integer NOT NULL DEFAULT (nextval('hms.repair_id_seq'))", repairs, StringComparison.Ordinal);
        Assert.DoesNotContain("AS IDENTITY", repairs, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_trigger_option_sql_server_updates_and_inserts_use_a_bare_output_clause()
    {
        var sql = CaptureSave(new HousingMappingOptions(), SaveARepairAndItsHistory);

        Assert.NotEmpty(BareOutputClauses(string.Join('\n', sql)));
    }

    [Fact]
    public void On_tables_with_triggers_sql_server_updates_and_inserts_use_no_bare_output_clause_error_334()
    {
        var sql = CaptureSave(new HousingMappingOptions { TablesWithTriggers = ["Repairs", "RepairStatusHistory"] }, SaveARepairAndItsHistory);

        var all = string.Join('\n', sql);
        Assert.Contains("UPDATE [Repairs]", all, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO [RepairStatusHistory]", all, StringComparison.Ordinal);
        // SQL Server error 334: a DML statement with an OUTPUT clause without INTO cannot target a table with triggers.
        Assert.Empty(BareOutputClauses(all));
        Assert.Contains("@@ROWCOUNT", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Varchar_tables_map_their_text_columns_and_text_enums_as_varchar_and_leave_the_others_nvarchar()
    {
        using var db = SqlServerContext(new HousingMappingOptions { VarcharTables = ["Repairs"] });

        var repairs = CreateTable(db, "Repairs");
        var tenants = CreateTable(db, "Tenants");

        Assert.Contains("[Description] varchar(1000) NOT NULL", repairs, StringComparison.Ordinal);
        Assert.Contains("[Status] varchar(20) NOT NULL", repairs, StringComparison.Ordinal);
        Assert.DoesNotContain("nvarchar", repairs, StringComparison.Ordinal);
        Assert.Contains("[FirstName] nvarchar(100) NOT NULL", tenants, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_can_be_varchar_at_once()
    {
        using var db = SqlServerContext(new HousingMappingOptions { VarcharTables = ["*"] });

        var script = db.Database.GenerateCreateScript();

        Assert.DoesNotContain("nvarchar", script, StringComparison.Ordinal);
        Assert.Contains("[FirstName] varchar(100) NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_option_naming_a_table_the_model_does_not_have_fails_with_the_table_name()
    {
        using var db = SqlServerContext(new HousingMappingOptions { TablesWithTriggers = ["repair_jobs"] });

        var error = Assert.Throws<InvalidOperationException>(() => db.Model);

        Assert.Contains("no mapped table is called repair_jobs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pooled_contexts_get_the_mapping_through_their_options_and_differently_mapped_pools_get_their_own_models()
    {
        var rowVersion = new ServiceCollection()
            .AddDbContextPool<SqlServerHousingDbContext>(o => o.UseSqlServer(SqlServer).UseHousingMapping(new HousingMappingOptions { Concurrency = HousingConcurrency.RowVersion }))
            .BuildServiceProvider();
        var portalColumn = new ServiceCollection()
            .AddDbContextPool<SqlServerHousingDbContext>(o => o.UseSqlServer(SqlServer).UseHousingMapping(new HousingMappingOptions()))
            .BuildServiceProvider();

        using (var scope = rowVersion.CreateScope())
        using (var other = portalColumn.CreateScope())
        {
            var pooled = scope.ServiceProvider.GetRequiredService<SqlServerHousingDbContext>();
            var plain = other.ServiceProvider.GetRequiredService<SqlServerHousingDbContext>();

            Assert.Equal("RowVersion", pooled.Model.FindEntityType(typeof(Tenant))!.FindProperty(HousingMapping.VersionProperty)!.GetColumnName());
            Assert.Equal("Version", plain.Model.FindEntityType(typeof(Tenant))!.FindProperty(HousingMapping.VersionProperty)!.GetColumnName());
        }

        rowVersion.Dispose();
        portalColumn.Dispose();
    }

    [Fact]
    public void The_portal_gives_its_version_column_a_new_value_on_every_save_in_one_place()
    {
        var sql = CaptureSave(new HousingMappingOptions(), db =>
        {
            var repair = AttachedRepair(db);
            db.Touch(repair);
        });

        // Only the token moves: a touch of a repair whose own columns did not change (a history row was added).
        var update = Assert.Single(sql);
        Assert.Matches(@"UPDATE \[Repairs\] SET \[Version\] = @\w+", update);
        Assert.Matches(@"WHERE \[Id\] = @\w+ AND \[Version\] = @\w+", update);
    }

    [Fact]
    public void The_documented_hms_ddl_is_exactly_the_models_portal_additions()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "housing-database.md"));
        var ddl = Regex.Match(guide, @"```sql\s*-- DDL for an existing HMS(.*?)```", RegexOptions.Singleline).Groups[1].Value.Replace("\r", "", StringComparison.Ordinal);
        using var db = SqlServerContext(new HousingMappingOptions());
        var script = db.Database.GenerateCreateScript().Replace("\r", "", StringComparison.Ordinal);

        // Only additions: nothing the HMS has is changed, dropped or rewritten.
        Assert.DoesNotMatch(@"\b(DROP|ALTER COLUMN|TRUNCATE|sp_rename)\b", ddl);
        Assert.DoesNotMatch(DataStatement(), ddl);
        Assert.All(ddl.Split('\n').Where(l => l.StartsWith("ALTER TABLE", StringComparison.Ordinal)), l => Assert.Contains(" ADD ", l, StringComparison.Ordinal));

        // Every portal column, with the model's type and default, and no other column.
        var added = AddedColumn().Matches(ddl).Select(m => $"{m.Groups[1].Value}.{m.Groups[2].Value}");
        Assert.Equal(HousingMapping.PortalColumns.Select(c => $"{c.Table}.{c.Column}").Order(StringComparer.Ordinal), added.Order(StringComparer.Ordinal));
        foreach (var column in HousingMapping.PortalColumns)
        {
            var definition = Regex.Match(CreateTable(db, column.Table), $@"^\s*\[{column.Column}\] (?<type>.+?) (?<null>NOT NULL|NULL)(?: DEFAULT (?<default>.+?))?,?$", RegexOptions.Multiline);
            Assert.True(definition.Success, $"{column.Table}.{column.Column} is in the model's script");
            var expected = definition.Groups["default"].Success
                ? $"ALTER TABLE [{column.Table}] ADD [{column.Column}] {definition.Groups["type"].Value} NOT NULL CONSTRAINT [DF_{column.Table}_{column.Column}] DEFAULT {definition.Groups["default"].Value};"
                : $"ALTER TABLE [{column.Table}] ADD [{column.Column}] {definition.Groups["type"].Value} NULL;";
            Assert.Contains(expected, ddl, StringComparison.Ordinal);
        }

        // The indexes, check constraints and foreign keys on those columns, and the portal's own tables, as the model has them.
        var portalColumns = HousingMapping.PortalColumns.Select(c => $"{c.Table}.{c.Column}").ToHashSet(StringComparer.Ordinal);
        foreach (Match index in IndexStatement().Matches(script))
        {
            var onPortalTable = index.Groups["schema"].Value == HousingMapping.PortalSchema;
            var onPortalColumn = ColumnName().Matches(index.Groups["columns"].Value).Any(c => portalColumns.Contains($"{index.Groups["table"].Value}.{c.Groups[1].Value}"));
            if (onPortalTable || onPortalColumn)
            {
                Assert.Contains(index.Value, ddl, StringComparison.Ordinal);
            }
        }

        foreach (var entity in db.GetService<IDesignTimeModel>().Model.GetEntityTypes())
        {
            foreach (var check in entity.GetCheckConstraints().Where(c => HousingMapping.PortalColumns.Any(p => p.Table == entity.GetTableName() && c.Sql.Contains($"[{p.Column}]", StringComparison.Ordinal))))
            {
                Assert.Contains($"ALTER TABLE [{entity.GetTableName()}] ADD CONSTRAINT [{check.Name}] CHECK ({check.Sql});", ddl, StringComparison.Ordinal);
            }

            foreach (var key in entity.GetForeignKeys().Where(k => k.Properties.Any(p => portalColumns.Contains($"{entity.GetTableName()}.{p.GetColumnName()}"))))
            {
                Assert.Contains($"ALTER TABLE [{entity.GetTableName()}] ADD CONSTRAINT [{key.GetConstraintName()}] FOREIGN KEY ([{key.Properties[0].GetColumnName()}]) REFERENCES [{key.PrincipalEntityType.GetTableName()}] ([Id]);", ddl, StringComparison.Ordinal);
            }
        }

        foreach (var type in HousingMapping.PortalTables)
        {
            var table = db.Model.FindEntityType(type)!.GetTableName();
            Assert.Contains(Regex.Match(script, $@"CREATE TABLE \[portal\]\.\[{table}\] \((.*?)\n\);", RegexOptions.Singleline).Value, ddl, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^\s*(UPDATE|DELETE|INSERT)\b", RegexOptions.Multiline)]
    private static partial Regex DataStatement();

    [GeneratedRegex(@"ALTER TABLE \[(\w+)\] ADD \[(\w+)\] ")]
    private static partial Regex AddedColumn();

    [GeneratedRegex(@"CREATE (?:UNIQUE )?INDEX \[\w+\] ON (?:\[(?<schema>\w+)\]\.)?\[(?<table>\w+)\] \((?<columns>[^)]*)\)[^;]*;")]
    private static partial Regex IndexStatement();

    [GeneratedRegex(@"\[(\w+)\]")]
    private static partial Regex ColumnName();

    private static void SaveARepairAndItsHistory(HousingDbContext db)
    {
        var repair = AttachedRepair(db);
        repair.Status = RepairStatus.Completed;
        db.RepairStatusHistory.Add(new RepairStatusChange { RepairId = repair.Id, Status = RepairStatus.Completed, At = TestClock.Start.UtcDateTime, ChangedBy = "Officer" });
    }

    private static Repair AttachedRepair(HousingDbContext db)
    {
        var repair = new Repair { Id = 7, Reference = "R2026-000007", Description = "Tap drips", Location = "Kitchen", Version = Guid.NewGuid() };
        db.Repairs.Attach(repair);
        return repair;
    }

    private static List<string> BareOutputClauses(string sql) =>
        OutputClause().Matches(sql).Select(m => m.Value).Where(v => !v.Contains(" INTO ", StringComparison.Ordinal)).ToList();

    /// <summary>The SQL EF sends for <paramref name="change"/>'s SaveChanges on SQL Server, captured and never run.</summary>
    private static List<string> CaptureSave(HousingMappingOptions mapping, Action<HousingDbContext> change)
    {
        var capture = new CaptureWithoutServer();
        // One batch, so every statement of the save is in the one captured command.
        var options = new DbContextOptionsBuilder<SqlServerHousingDbContext>().UseSqlServer(SqlServer, s => s.MinBatchSize(1))
            .UseHousingMapping(mapping).AddInterceptors(capture, capture.Connection).Options;
        using var db = new SqlServerHousingDbContext(options);
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        change(db);

        var error = Assert.ThrowsAny<Exception>(() => db.SaveChanges());
        Assert.True(error is CapturedException || error.InnerException is CapturedException, error.ToString());
        return [.. capture.Commands];
    }

    private static string CreateTable(DbContext db, string table) =>
        Regex.Match(db.Database.GenerateCreateScript(), $@"CREATE TABLE \[{table}\] \((.*?)\n\);", RegexOptions.Singleline).Value;

    internal static SqlServerHousingDbContext SqlServerContext(HousingMappingOptions mapping) =>
        new(new DbContextOptionsBuilder<SqlServerHousingDbContext>().UseSqlServer(SqlServer).UseHousingMapping(mapping).Options);

    internal static PostgresHousingDbContext PostgresContext(HousingMappingOptions mapping) =>
        new(new DbContextOptionsBuilder<PostgresHousingDbContext>().UseNpgsql(Postgres).UseHousingMapping(mapping).Options);

    internal static SqliteHousingDbContext SqliteContext() =>
        new(new DbContextOptionsBuilder<SqliteHousingDbContext>().UseSqlite("Data Source=:memory:").Options);

    [GeneratedRegex(@"\bOUTPUT\b[^;]*")]
    private static partial Regex OutputClause();

    private sealed class CapturedException() : Exception("captured");

    /// <summary>Pretends to open the connection and records each command instead of running it.</summary>
    private sealed class CaptureWithoutServer : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Commands { get; } = new();

        public DbConnectionInterceptor Connection { get; } = new NoConnection();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Commands.Enqueue(command.CommandText);
            throw new CapturedException();
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Commands.Enqueue(command.CommandText);
            throw new CapturedException();
        }

        private sealed class NoConnection : DbConnectionInterceptor
        {
            public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
                InterceptionResult.Suppress();

            public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
                InterceptionResult.Suppress();
        }
    }
}
