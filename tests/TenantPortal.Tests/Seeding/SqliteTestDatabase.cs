using Microsoft.EntityFrameworkCore;
using TenantPortal.Web.Data.Housing;

namespace TenantPortal.Tests.Seeding;

/// <summary>A real SQLite file in the temp folder, with the schema created from the model.</summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private SqliteTestDatabase(string path) => Path = path;

    public string Path { get; }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = new SqliteTestDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tp-seed-{Guid.NewGuid():N}.db"));
        await using var db = database.Open();
        await db.Database.EnsureCreatedAsync();
        return database;
    }

    public SqliteHousingDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteHousingDbContext>().UseSqlite($"Data Source={Path};Pooling=False").Options);

    public ValueTask DisposeAsync()
    {
        foreach (var file in new[] { Path, Path + "-journal", Path + "-wal", Path + "-shm" })
        {
            if (File.Exists(file))
                File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
