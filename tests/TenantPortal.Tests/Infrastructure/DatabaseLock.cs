using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>Holds an exclusive write lock on a SQLite file, as a long-running job or a failing server would: with
/// WAL, pages still read, and every write waits until the app's lock timeout and fails. On PostgreSQL the same:
/// every table (the HMS's in public, the portal's in portal) locked IN EXCLUSIVE MODE (plain reads go on, writes wait for the app's lock_timeout).</summary>
public sealed class DatabaseLock : IAsyncDisposable
{
    private readonly DbConnection connection;

    private DatabaseLock(DbConnection connection) => this.connection = connection;

    /// <summary>Locks the factory's database, whichever provider it uses.</summary>
    public static async Task<DatabaseLock> TakeAsync(PortalAppFactory factory)
    {
        return factory.PostgresConnectionString is { } postgres ? await TakePostgresAsync(postgres) : await TakeAsync(factory.DatabasePath);
    }

    /// <summary>Locks every table of a PostgreSQL database.</summary>
    public static async Task<DatabaseLock> TakePostgresAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            BEGIN;
            DO $$ DECLARE t record; BEGIN
              FOR t IN SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('public', 'portal') LOOP
                EXECUTE format('LOCK TABLE %I.%I IN EXCLUSIVE MODE', t.schemaname, t.tablename);
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
