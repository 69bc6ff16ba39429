using Microsoft.Data.Sqlite;

namespace TenantPortal.Tests.Infrastructure;

/// <summary>Holds an exclusive write lock on a SQLite file, as a long-running job or a failing server would: with
/// WAL, pages still read, and every write waits until the app's lock timeout and fails.</summary>
public sealed class DatabaseLock : IAsyncDisposable
{
    private readonly SqliteConnection connection;

    private DatabaseLock(SqliteConnection connection) => this.connection = connection;

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
