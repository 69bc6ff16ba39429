using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>Holds an exclusive write lock on a SQLite file, as a long-running job or a failing server would: with
/// WAL, pages still read, and every write waits until the app's lock timeout and fails. On PostgreSQL the same:
/// every table locked IN EXCLUSIVE MODE (plain reads go on, writes wait for the app's lock_timeout).</summary>
public sealed class DatabaseLock : IAsyncDisposable
{
    private readonly DbConnection connection;

    private DatabaseLock(DbConnection connection) => this.connection = connection;

    /// <summary>Locks the factory's database, whichever provider it uses.</summary>
    public static async Task<DatabaseLock> TakeAsync(PortalAppFactory factory)
    {
        if (factory.PostgresConnectionString is null)
        {
            return await TakeAsync(factory.DatabasePath);
        }

        var connection = new NpgsqlConnection(factory.PostgresConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            BEGIN;
            DO $$ DECLARE t record; BEGIN
              FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
                EXECUTE format('LOCK TABLE %I IN EXCLUSIVE MODE', t.tablename);
              END LOOP;
            END $$;
            """;
        await command.ExecuteNonQueryAsync();
        return new DatabaseLock(connection);
    }

    public static async Task<DatabaseLock> TakeAsync(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE;";
        await command.ExecuteNonQueryAsync();
        return new DatabaseLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "ROLLBACK;";
            await command.ExecuteNonQueryAsync();
        }

        await connection.DisposeAsync();
    }
}
