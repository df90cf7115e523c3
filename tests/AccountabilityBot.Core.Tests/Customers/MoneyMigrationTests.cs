using AccountabilityBot.Web.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AccountabilityBot.Core.Tests.Customers;

/// <summary>A database from before money became minor units keeps its values through the migration.</summary>
public sealed class MoneyMigrationTests : IDisposable
{
    readonly string file = Path.Combine(Path.GetTempPath(), "abot-tests", Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    [Fact]
    public async Task Migrate_TextDecimals_BecomeExactCents()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file}").Options;
        await using (var db = new SqliteAppDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261126002927_Initial");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Customers" ("Name") VALUES ('ACME');
                INSERT INTO "CustomerEvents" ("CustomerId", "Kind", "OccurredOn", "AnnualValue", "RecordedAt")
                VALUES (1, 'Lost', '2026-11-02', '36000.0', '2026-11-02 00:00:00'), (1, 'Won', '2026-11-03', '0.29', '2026-11-03 00:00:00');
                """);
            await db.Database.MigrateAsync();
        }
        await using var read = new SqliteAppDbContext(options);
        Assert.Equal([36_000m, 0.29m], await read.CustomerEvents.OrderBy(e => e.Id).Select(e => e.AnnualValue).ToListAsync());
        Assert.Equal(36_000.29m, await read.CustomerEvents.SumAsync(e => e.AnnualValue));
    }
}
