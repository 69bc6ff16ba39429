using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TenantPortal.Tests.Infrastructure;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Tests.Budgets;

/// <summary>The long lists (the officers' repairs queue with every filter and sort, the tenant's repairs list and rent
/// statement) are answered from indexes: the SQL each page really issues, captured as it runs, is explained by SQLite
/// and must never read the whole Repairs or RentTransactions table row by row (<c>SCAN r</c>). Walking an index
/// (<c>SEARCH ... USING INDEX</c>, <c>SCAN ... USING INDEX</c>) is allowed. SQLite plans without statistics here, so a
/// small database gives the same plan as the large benchmark dataset.</summary>
public sealed partial class QueryPlanTests : IClassFixture<QueryPlanTests.PlanApp>
{
    private static readonly string[] WatchedTables = ["Repairs", "RentTransactions"];
    private readonly PlanApp app;

    public QueryPlanTests(PlanApp app) => this.app = app;

    public static TheoryData<string> QueueViews =>
    [
        "/admin/repairs",
        "/admin/repairs?status=all",
        "/admin/repairs?status=Reported",
        "/admin/repairs?status=Booked",
        "/admin/repairs?status=InProgress",
        "/admin/repairs?status=OnHold",
        "/admin/repairs?status=Completed",
        "/admin/repairs?status=Cancelled",
        "/admin/repairs?priority=Emergency",
        "/admin/repairs?status=all&priority=Routine",
        "/admin/repairs?trade=Plumbing",
        "/admin/repairs?status=all&trade=Heating",
        "/admin/repairs?channel=Phone",
        "/admin/repairs?status=all&channel=Officer",
        "/admin/repairs?patch=1",
        "/admin/repairs?status=all&patch=2",
        "/admin/repairs?hazard=true",
        "/admin/repairs?status=all&hazard=true",
        "/admin/repairs?overdue=true",
        "/admin/repairs?from=2026-01-01",
        "/admin/repairs?status=all&from=2025-01-01&to=2025-06-30",
        "/admin/repairs?q=Morgan",
        "/admin/repairs?q=R2026",
        "/admin/repairs?status=all&q=KM1",
        "/admin/repairs?q=Heather%20Close",
        "/admin/repairs?sort=reported&direction=asc",
        "/admin/repairs?sort=target",
        "/admin/repairs?sort=target&direction=desc",
        "/admin/repairs?sort=priority",
        "/admin/repairs?sort=priority&direction=desc",
        "/admin/repairs?sort=reference",
        "/admin/repairs?sort=reference&direction=desc",
        "/admin/repairs?status=all&sort=target",
        // Priority ranks are an indexed computed column (SearchKeys.PriorityRank), so every status sorted by priority, and the
        // default order (target date, then priority) over every status, walk an index too.
        "/admin/repairs?status=all&sort=priority",
        "/admin/repairs?status=all&sort=priority&direction=desc",
        "/admin/repairs?status=all&direction=desc",
        "/admin/repairs?status=all&sort=reference&direction=desc",
        "/admin/repairs?page=3",
        "/admin/repairs?emergency=true",
        "/admin/repairs?status=all&emergency=true",
        "/admin/repairs?mine=true",
    ];

    /// <summary>Searches (issue 21): every kind of term, open and all statuses. Besides Repairs, these must not read
    /// the whole Properties, Tenants or Tenancies table either (the old <c>replace(Postcode) LIKE</c> and
    /// <c>%name%</c> did): each alternative is a seek on an index of <see cref="Web.Data.Housing.SearchKeys"/>.</summary>
    public static TheoryData<string> QueueSearches =>
    [
        "/admin/repairs?q=Morgan",
        "/admin/repairs?q=alex%20morgan",
        "/admin/repairs?status=all&q=KM1",
        "/admin/repairs?q=km1%201",
        "/admin/repairs?q=Heather%20Close",
        "/admin/repairs?q=R2026-",
        "/admin/repairs?status=all&q=r2026-00001",
        "/admin/repairs?q=00205",
        "/admin/repairs?q=DEMO-0001",
        "/admin/repairs?q=07700%20900456",
        "/admin/repairs?status=all&q=%2B447700900456",
        "/admin/repairs?q=tap",
        "/admin/repairs?status=all&q=tap",
    ];

    public static TheoryData<string> TenantLists =>
    [
        "/repairs",
        "/rent/statement",
        "/rent/statement?page=2",
        "/rent/statement?from=2025-01-01&to=2025-12-31",
    ];

    [Theory]
    [MemberData(nameof(QueueViews))]
    public async Task Admin_repairs_queue_reads_repairs_through_indexes(string url)
    {
        var client = await app.OfficerAsync();

        var plans = await app.PlansForAsync(client, url);

        AssertNoFullScans(url, plans);
    }

    [Theory]
    [MemberData(nameof(QueueSearches))]
    public async Task Admin_repairs_search_reads_repairs_homes_and_tenants_through_indexes(string url)
    {
        var client = await app.OfficerAsync();

        var plans = await app.PlansForAsync(client, url);

        AssertNoFullScans(url, plans, [.. WatchedTables, "Properties", "Tenants", "Tenancies"]);
    }

    [Theory]
    [MemberData(nameof(TenantLists))]
    public async Task Tenant_lists_read_repairs_and_rent_lines_through_indexes(string url)
    {
        var client = await app.TenantAsync();

        var plans = await app.PlansForAsync(client, url);

        AssertNoFullScans(url, plans);
    }

    [Fact]
    public async Task Tenant_repairs_pages_read_each_repairs_booked_time_without_ranking_every_appointment()
    {
        var client = await app.TenantAsync();
        var list = await client.GetDocumentAsync("/repairs");
        var details = list.QuerySelectorAll("a[href^='/repairs/R']").Select(a => a.GetAttribute("href")!).First();

        var plans = (await app.PlansForAsync(client, "/repairs")).Concat(await app.PlansForAsync(client, details))
            .Concat(await app.PlansForAsync(client, $"{details}/appointment")).ToList();

        Assert.Contains(plans, p => p.Sql.Contains("\"Appointments\"", StringComparison.Ordinal));
        Assert.DoesNotContain(plans, p => p.Sql.Contains("ROW_NUMBER", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_full_table_scan_is_recognised_and_an_index_walk_is_not()
    {
        const string sql = "SELECT * FROM \"Repairs\" AS \"r\" INNER JOIN \"Properties\" AS \"p\" ON 1 WHERE EXISTS (SELECT 1 FROM \"Repairs\" AS \"r0\")";

        Assert.True(IsFullScan("SCAN r", sql));
        Assert.True(IsFullScan("SCAN r0", sql));
        Assert.True(IsFullScan("SCAN Repairs", "SELECT COUNT(*) FROM Repairs"));
        Assert.False(IsFullScan("SCAN r USING INDEX IX_Repairs_ReportedAt", sql));
        Assert.False(IsFullScan("SCAN r USING COVERING INDEX IX_Repairs_Status_TargetDate", sql));
        Assert.False(IsFullScan("SEARCH r USING INDEX IX_Repairs_TenancyId_Status_ReportedAt (TenancyId=?)", sql));
        Assert.False(IsFullScan("SCAN p", sql));
    }

    private static void AssertNoFullScans(string url, IReadOnlyList<ExplainedCommand> plans, string[]? tables = null)
    {
        Assert.Contains(plans, p => WatchedTables.Any(t => p.Sql.Contains($"\"{t}\"", StringComparison.Ordinal)));
        var scans = plans.SelectMany(p => p.Plan.Where(line => IsFullScan(line, p.Sql, tables)).Select(line => (p.Sql, line))).ToList();
        Assert.True(scans.Count == 0, $"{url} reads a whole table:\n" + string.Join("\n\n", scans.Select(s => $"{s.line}\n  in: {s.Sql}")));
    }

    /// <summary>A plan line that reads a watched table row by row: <c>SCAN Repairs</c> or <c>SCAN alias</c>, with no
    /// index. The aliases come from the SQL (<c>"Repairs" AS "r"</c>).</summary>
    internal static bool IsFullScan(string planLine, string sql, string[]? tables = null)
    {
        var match = ScanLine().Match(planLine.Trim());
        if (!match.Success)
        {
            return false;
        }

        var target = match.Groups["name"].Value;
        return (tables ?? WatchedTables).Any(table => target == table
            || Regex.IsMatch(sql, $"\"{table}\" AS \"{Regex.Escape(target)}\"", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [GeneratedRegex(@"^SCAN (?<name>\w+)$")]
    private static partial Regex ScanLine();

    public sealed record ExplainedCommand(string Sql, IReadOnlyList<string> Plan);

    /// <summary>Keeps the text and parameters of every housing command, so a test can explain exactly what a page ran.</summary>
    public sealed class SqlRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<RecordedCommand> commands = new();

        public void Clear() => commands.Clear();

        public IReadOnlyList<RecordedCommand> Commands => [.. commands];

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private void Record(DbCommand command) => commands.Enqueue(new RecordedCommand(
            command.CommandText,
            command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
    }

    public sealed record RecordedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    public sealed class PlanApp : IDisposable
    {
        private readonly SqlRecorder recorder = new();
        private readonly SemaphoreSlim one = new(1, 1);
        private HttpClient? tenant;
        private HttpClient? officer;

        public PlanApp()
        {
            Factory = new PortalAppFactory(services =>
                services.ConfigureDbContext<SqliteHousingDbContext>(o => o.AddInterceptors(recorder)));
        }

        public PortalAppFactory Factory { get; }

        public async Task<HttpClient> TenantAsync()
        {
            if (tenant is null)
            {
                tenant = Factory.CreateBrowserClient();
                await SignIn.AsTenantAsync(tenant);
            }

            return tenant;
        }

        public async Task<HttpClient> OfficerAsync()
        {
            if (officer is null)
            {
                officer = Factory.CreateBrowserClient();
                await SignIn.AsOfficerAsync(officer);
            }

            return officer;
        }

        /// <summary>Loads the page, then explains every watched-table command it issued, with its own parameters.</summary>
        public async Task<IReadOnlyList<ExplainedCommand>> PlansForAsync(HttpClient client, string url)
        {
            IReadOnlyList<RecordedCommand> commands;
            await one.WaitAsync();
            try
            {
                recorder.Clear();
                var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                commands = recorder.Commands;
            }
            finally
            {
                one.Release();
            }

            await using var connection = new SqliteConnection(Factory.ConnectionString);
            await connection.OpenAsync();
            var explained = new List<ExplainedCommand>();
            foreach (var command in commands.Where(c => WatchedTables.Any(t => c.Sql.Contains($"\"{t}\"", StringComparison.Ordinal))))
            {
                await using var explain = connection.CreateCommand();
                explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
                foreach (var (name, value) in command.Parameters)
                {
                    explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }

                var plan = new List<string>();
                await using var reader = await explain.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(3));
                }

                explained.Add(new ExplainedCommand(command.Sql, plan));
            }

            return explained;
        }

        public void Dispose()
        {
            tenant?.Dispose();
            officer?.Dispose();
            one.Dispose();
            Factory.Dispose();
        }
    }
}
