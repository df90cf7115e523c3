using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>EF's statements run through kept, prepared commands: each execution still binds its own values and sees its
/// own transaction, a failed statement leaves its command usable, and a closed connection keeps nothing.</summary>
public sealed class SqliteStatementCacheTests : IDisposable
{
    readonly string directory = Directory.CreateTempSubdirectory("abot-stmt-cache").FullName;
    readonly SqliteStatementCache cache = new();

    SqliteAppDbContext NewContext() => new(new DbContextOptionsBuilder<SqliteAppDbContext>()
        .UseSqlite($"Data Source={Path.Combine(directory, "cache.db")}").AddInterceptors(cache).Options);

    async Task<SqliteAppDbContext> MigratedAsync()
    {
        var db = NewContext();
        await db.Database.MigrateAsync();
        return db;
    }

    /// <summary>A migrated database with the stages Buy (1) and Renew (2), its connection held open.</summary>
    async Task<SqliteAppDbContext> WithTwoStagesOpenAsync()
    {
        var db = await MigratedAsync();
        db.JourneyStages.AddRange(new JourneyStage { Name = "Buy", Position = 1 }, new JourneyStage { Name = "Renew", Position = 2 });
        await db.SaveChangesAsync();
        await db.Database.OpenConnectionAsync();
        return db;
    }

    static Task<string?> NameAtAsync(SqliteAppDbContext db, int position) =>
        db.JourneyStages.Where(s => s.Position == position).Select(s => s.Name).SingleOrDefaultAsync();

    [SqliteFact("SQLite's own statement cache")]
    public async Task TheSameQuery_KeepsOneStatement_AndBindsEachExecutionsValues()
    {
        await using var db = await WithTwoStagesOpenAsync();

        Assert.Equal("Buy", await NameAtAsync(db, 1));
        var kept = cache.KeptTexts(db.Database.GetDbConnection()).Count;
        Assert.Equal("Renew", await NameAtAsync(db, 2));
        Assert.Null(await NameAtAsync(db, 3));

        Assert.Equal(kept, cache.KeptTexts(db.Database.GetDbConnection()).Count);
        Assert.Contains(cache.KeptTexts(db.Database.GetDbConnection()), text => text.Contains("\"Position\" = @"));
    }

    [SqliteFact("SQLite's own statement cache")]
    public async Task AStatementThatFails_LeavesItsKeptCommandUsable()
    {
        await using var db = await MigratedAsync();
        await db.Database.OpenConnectionAsync();
        db.JourneyStages.Add(new JourneyStage { Name = "Buy", Position = 1 });
        await db.SaveChangesAsync();

        db.ChangeTracker.Clear();
        db.JourneyStages.Add(new JourneyStage { Name = "Buy", Position = 2 }); // the name is unique
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.IsType<SqliteException>(failure.InnerException);

        db.ChangeTracker.Clear();
        db.JourneyStages.Add(new JourneyStage { Name = "Renew", Position = 2 });
        await db.SaveChangesAsync();
        Assert.Equal(["Buy", "Renew"], await db.JourneyStages.OrderBy(s => s.Position).Select(s => s.Name).ToListAsync());
    }

    [SqliteFact("SQLite's own statement cache")]
    public async Task KeptStatements_RunInTheCallersTransaction()
    {
        await using var db = await MigratedAsync();
        await db.Database.OpenConnectionAsync();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.JourneyStages.Add(new JourneyStage { Name = "Buy", Position = 1 });
            await db.SaveChangesAsync();
            Assert.Equal("Buy", await NameAtAsync(db, 1));
            await tx.RollbackAsync();
        }
        Assert.Null(await NameAtAsync(db, 1));

        db.ChangeTracker.Clear();
        db.JourneyStages.Add(new JourneyStage { Name = "Renew", Position = 1 }); // the same INSERT, now outside any transaction
        await db.SaveChangesAsync();
        await using var other = NewContext();
        Assert.Equal("Renew", await NameAtAsync(other, 1));
    }

    [SqliteFact("SQLite's own statement cache")]
    public async Task ClosingTheConnection_DropsItsStatements_AndTheNextOpenPreparesAgain()
    {
        await using var db = await MigratedAsync();
        db.JourneyStages.Add(new JourneyStage { Name = "Buy", Position = 1 });
        await db.SaveChangesAsync();
        var connection = db.Database.GetDbConnection();

        await db.Database.OpenConnectionAsync();
        Assert.Equal("Buy", await NameAtAsync(db, 1));
        Assert.NotEmpty(cache.KeptTexts(connection));
        await db.Database.CloseConnectionAsync();
        Assert.Empty(cache.KeptTexts(connection));

        Assert.Equal("Buy", await NameAtAsync(db, 1));
    }

    [SqliteFact("SQLite's own statement cache")]
    public async Task AQueryInsideTheSameQuery_RunsBesideTheOpenReader()
    {
        await using var db = await WithTwoStagesOpenAsync();

        var pairs = new List<string>();
        await foreach (var outer in db.JourneyStages.AsNoTracking().OrderBy(s => s.Position).AsAsyncEnumerable())
            await foreach (var inner in db.JourneyStages.AsNoTracking().OrderBy(s => s.Position).AsAsyncEnumerable())
                pairs.Add($"{outer.Name}/{inner.Name}");

        Assert.Equal(["Buy/Buy", "Buy/Renew", "Renew/Buy", "Renew/Renew"], pairs);
        Assert.Equal(2, await db.JourneyStages.CountAsync()); // and the kept statement is free again afterwards
    }

    [SqliteFact("SQLite's own statement cache")]
    public async Task PastTheLimit_FurtherTextsRunUncached_AndStillAnswer()
    {
        await using var db = await MigratedAsync();
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < SqliteStatementCache.MaxPerConnection + 10; i++)
        {
            var distinctText = "SELECT " + i + " AS \"Value\""; // a constant, not input
            Assert.Equal([i], await db.Database.SqlQueryRaw<int>(distinctText).ToListAsync());
        }
        Assert.Equal(SqliteStatementCache.MaxPerConnection, cache.KeptTexts(db.Database.GetDbConnection()).Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
