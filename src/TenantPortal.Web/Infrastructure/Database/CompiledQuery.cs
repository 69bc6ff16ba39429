using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TenantPortal.Web.Infrastructure.Database;

/// <summary>A query compiled once per EF model (<c>EF.CompileAsyncQuery</c>
/// and its overloads): EF refuses to run a compiled query against another model than the one it was first compiled
/// for, and a process can hold several (one per provider; in tests, one per app). The app has one model per context,
/// so each query is compiled once and only looked up afterwards.</summary>
public sealed class CompiledQuery<TDelegate>(Func<TDelegate> compile)
    where TDelegate : class
{
    private readonly ConditionalWeakTable<IModel, TDelegate> byModel = [];

    public TDelegate For(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return byModel.GetValue(context.Model, _ => compile());
    }
}
