using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using TenantPortal.Web.Infrastructure.Configuration;

namespace TenantPortal.Web.Infrastructure.Database;

/// <summary>The request's one connection when both contexts use the same database. EF opens and closes it as needed.</summary>
public sealed class SharedConnection(DatabaseProvider provider, string connectionString) : IDisposable
{
    private DbConnection? connection;

    public DbConnection Connection => connection ??= provider switch
    {
        DatabaseProvider.SqlServer => new SqlConnection(connectionString),
        DatabaseProvider.PostgreSql => new NpgsqlConnection(connectionString),
        _ => new SqliteConnection(connectionString),
    };

    public void Dispose() => connection?.Dispose();
}
