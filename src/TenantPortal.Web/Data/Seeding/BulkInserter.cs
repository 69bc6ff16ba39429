using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Web.Data.Seeding;

/// <summary>Inserts many rows of one entity type with a single parameterised command, reused row by row inside the
/// current transaction. Table, column names, types and conversions (enums as text) come from the EF model, so it
/// follows the entity configurations. Generated keys are not read back.</summary>
internal static class BulkInserter
{
    public static async Task InsertAsync<T>(HousingDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
            return;

        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the housing model.");
        var table = entityType.GetTableName()!;
        var schema = entityType.GetSchema();
        var storeObject = StoreObjectIdentifier.Table(table, schema);
        var columns = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameters = new DbParameter[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i] = columns[i].Mapping.CreateParameter(command, $"@p{i}", null, columns[i].Property.IsNullable);
                command.Parameters.Add(parameters[i]);
            }

            command.CommandText =
                $"INSERT INTO {sql.DelimitIdentifier(table, schema)} " +
                $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(storeObject)!)))}) " +
                $"VALUES ({string.Join(", ", parameters.Select(p => p.ParameterName))})";

            var getters = columns.Select(c => c.Property.PropertyInfo
                ?? throw new InvalidOperationException($"{c.Property.Name} is a shadow property.")).ToArray();
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = getters[i].GetValue(row);
                    if (value is not null && columns[i].Mapping.Converter is { } converter)
                        value = converter.ConvertToProvider(value);
                    parameters[i].Value = value ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
