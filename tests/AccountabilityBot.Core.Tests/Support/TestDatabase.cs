using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Tests.Support;

/// <summary>A real SQLite file per test, migrated with the real migrations, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "abot-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase()
    {
        Directory.CreateDirectory(folder);
        using var db = NewContext();
        db.Database.Migrate();
    }

    public string ConnectionString => $"Data Source={Path.Combine(folder, "test.db")}";

    /// <summary>A fresh context on the same file, like a new request scope.</summary>
    public AppDbContext NewContext() =>
        new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
