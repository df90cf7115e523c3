using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AccountabilityBot.Core.Tests.Support;

/// <summary>A real SQLite file per test, migrated with the real migrations, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "abot-tests", Guid.NewGuid().ToString("N"));

    /// <param name="migrateTo">A migration's name to stop at (to test the ones after it); all of them by default.</param>
    public TestDatabase(string? migrateTo = null)
    {
        Directory.CreateDirectory(folder);
        using var db = NewContext();
        if (migrateTo is null) db.Database.Migrate();
        else db.GetService<IMigrator>().Migrate(db.Database.GetMigrations().Single(m => m.EndsWith("_" + migrateTo, StringComparison.Ordinal)));
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
