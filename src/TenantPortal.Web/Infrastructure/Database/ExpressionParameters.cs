using System.Linq.Expressions;

namespace TenantPortal.Web.Infrastructure.Database;

/// <summary>Builds one query expression out of another, so a rule kept as an expression (a condition, say) is written
/// once and used inside projections too. EF Core inlines the invoked lambda when it translates the query.</summary>
public static class ExpressionParameters
{
    /// <summary><paramref name="shape"/> with its second parameter replaced by <paramref name="rule"/> applied to its first.</summary>
    public static Expression<Func<T, TResult>> Inline<T, TValue, TResult>(Expression<Func<T, TValue, TResult>> shape, Expression<Func<T, TValue>> rule)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(rule);
        var entity = shape.Parameters[0];
        var body = new Replacer(shape.Parameters[1], Expression.Invoke(rule, entity)).Visit(shape.Body);
        return Expression.Lambda<Func<T, TResult>>(body, entity);
    }

    private sealed class Replacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
