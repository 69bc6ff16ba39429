using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TenantPortal.Web.Infrastructure.Database;

/// <summary>Counts SQL commands per request (read by tests that hold pages to a query budget, and by the
/// X-Query-Count header in Development).</summary>
public sealed class QueryCounter(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    public const string ItemKey = "tp:query-count";

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private void Count()
    {
        var items = accessor.HttpContext?.Items;
        if (items is not null)
        {
            items[ItemKey] = (items.TryGetValue(ItemKey, out var n) ? (int)n! : 0) + 1;
        }
    }
}

public static class QueryCountingExtensions
{
    public static DbContextOptionsBuilder UseQueryCounting(this DbContextOptionsBuilder builder, IServiceProvider services) =>
        builder.AddInterceptors(services.GetRequiredService<QueryCounter>());
}
