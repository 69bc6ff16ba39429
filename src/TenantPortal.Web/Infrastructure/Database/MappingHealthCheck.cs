using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TenantPortal.Web.Infrastructure.Database;

/// <summary>Readiness: reads one row of every entity the context maps, with every mapped column, so a configuration
/// that names a table or column the database does not have (an HMS mapping gone wrong) takes the instance out of the
/// load balancer with a message naming the table and the column, instead of a 503 on a tenant's first use.</summary>
public sealed class MappingHealthCheck<TContext>(TContext db) : IHealthCheck
    where TContext : DbContext
{
    private static readonly MethodInfo ReadOneMethod = typeof(MappingHealthCheck<TContext>).GetMethod(nameof(ReadOneAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ReadColumnMethod = typeof(MappingHealthCheck<TContext>).GetMethod(nameof(ReadColumnAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var entity in MappedEntities(db.Model))
        {
            var table = entity.GetSchemaQualifiedTableName();
            try
            {
                await Invoke(ReadOneMethod.MakeGenericMethod(entity.ClrType), db, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var column = await FailingColumnAsync(entity, cancellationToken);
                return HealthCheckResult.Unhealthy(column is null
                    ? $"Table {table} (entity {entity.ClrType.Name}) cannot be read: {ex.Message}"
                    : $"Table {table}, column {column.GetColumnName()} (property {entity.ClrType.Name}.{column.Name}) cannot be read: {ex.Message}");
            }
        }

        return HealthCheckResult.Healthy();
    }

    internal static IEnumerable<IEntityType> MappedEntities(IModel model) =>
        model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned() && !e.HasSharedClrType && e.BaseType is null);

    private async Task<IProperty?> FailingColumnAsync(IEntityType entity, CancellationToken ct)
    {
        foreach (var property in entity.GetProperties())
        {
            try
            {
                await Invoke(ReadColumnMethod.MakeGenericMethod(entity.ClrType), db, property.Name, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return property;
            }
        }

        return null;
    }

    private static Task Invoke(MethodInfo method, params object[] args) => (Task)method.Invoke(null, args)!;

    private static Task<List<T>> ReadOneAsync<T>(TContext db, CancellationToken ct)
        where T : class => db.Set<T>().AsNoTracking().Take(1).ToListAsync(ct);

    private static Task<List<object>> ReadColumnAsync<T>(TContext db, string property, CancellationToken ct)
        where T : class => db.Set<T>().AsNoTracking().Select(e => EF.Property<object>(e, property)).Take(1).ToListAsync(ct);
}
