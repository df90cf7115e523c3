using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AccountabilityBot.Core.Tests.Support;

/// <summary>
/// The SQLite side of <see cref="PostgresTemplate"/>: one file migrated once per test process, and a copy of it for each
/// test's database. Running every migration costs a good part of a second of CPU; hundreds of tests (and the hosts of
/// the Web tests, which would migrate their new folder's file on start) would otherwise run them all again, on machines
/// where the two test passes together already keep every core busy. Shared by both test projects (linked into Web.Tests).
/// </summary>
public static class SqliteTemplate
{
    static readonly string Folder = Path.Combine(Path.GetTempPath(), "abot-tests", "template-" + Guid.NewGuid().ToString("N"));
    static readonly Lazy<string> Migrated = new(Make);

    static SqliteTemplate() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    };

    /// <summary>
    /// Makes <paramref name="path"/> a migrated database, as if the migrations had just been run on it. The file appears
    /// whole or not at all (copied beside it, then moved into place); an IOException if one is there already.
    /// </summary>
    public static void CopyTo(string path)
    {
        var copy = path + "." + Guid.NewGuid().ToString("N");
        File.Copy(Migrated.Value, copy);
        try { File.Move(copy, path); }
        finally { File.Delete(copy); }
    }

    static string Make()
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, "migrated.db");
        // Unpooled, so the file is closed (and whole, with no journal beside it) once the context is gone.
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
        using (AppDbContext db = new SqliteAppDbContext(options)) db.Database.Migrate();
        return path;
    }
}
