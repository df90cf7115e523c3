using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>The AwayDates migration on each provider: whoever was away (the old flag) stays away, open-ended, from the upgrade day.</summary>
public sealed class AwayDatesMigrationTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migration_TurnsTheAwayFlagIntoAnOpenEndedAwayFromTheUpgradeDay_AndLeavesOthersHere(string provider)
    {
        var folder = BotApplication.NewDataDirectory();
        await using var postgres = provider == "Postgres" ? await PostgresDatabase.CreateAsync() : null;
        AppDbContext NewContext() => postgres is null
            ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={folder}/bot.db").Options)
            : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(postgres.ConnectionString).Options);
        await using (var db = NewContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var awayDates = migrations.FindIndex(m => m.EndsWith("_AwayDates", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[awayDates - 1]);
            foreach (var (user, away) in new[] { ("tom", true), ("maria", false) })
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "Members" ("Platform", "PlatformUserId", "DisplayName", "Role", "IsAway", "JoinedAt")
                    VALUES ('Local', {user}, {user}, 'Executive', {away}, {DateTime.UtcNow})
                    """);
            var upgradeDay = DateOnly.FromDateTime(DateTime.UtcNow);
            await db.Database.MigrateAsync();

            var members = await db.Members.AsNoTracking().OrderBy(m => m.PlatformUserId).ToListAsync();
            Assert.Equal(["maria", "tom"], members.Select(m => m.PlatformUserId));
            Assert.Equal((null, null), (members[0].AwayFrom, members[0].AwayUntil));
            Assert.Equal(upgradeDay, members[1].AwayFrom!.Value, (a, b) => Math.Abs(a.DayNumber - b.DayNumber) <= 1); // midnight may pass
            Assert.Null(members[1].AwayUntil);
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
