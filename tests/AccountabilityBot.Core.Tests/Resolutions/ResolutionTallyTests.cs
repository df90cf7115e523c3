using AccountabilityBot.Core.Demo;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Core.Tests.Resolutions;

/// <summary>The "resolved in the last 7 days" reply reads the hourly tally the database keeps; it must match the rows.</summary>
public sealed class ResolutionTallyTests
{
    [Fact]
    public async Task Resolved_CountsTheLastSevenDaysOnly_FromTheTally()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("jo", "resolved \"Re-sent a lost invoice\"");
        h.Clock.Advance(TimeSpan.FromDays(3));
        await h.SayAsync("jo", "resolved \"Refunded shipping\"");
        Assert.Contains("resolved 3 issues on their own in the last 7 days", await h.SayAsync("jo", "resolved \"Called back a clinic\""));

        // Eight days on, the first three have left the window; the one logged now is counted.
        h.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Contains("resolved 1 issue on their own in the last 7 days", await h.SayAsync("jo", "resolved \"Held last year's price\""));

        await using var db = h.Db();
        Assert.Equal(await db.Resolutions.CountAsync(), await db.ResolutionTallies.SumAsync(t => t.Count));
    }

    [Fact]
    public async Task Tally_FollowsEveryWriter_DemoDataTheHandlerEditsAndDeletes()
    {
        using var h = new CoreHarness();
        Assert.True(await h.WithScopeAsync(sp => sp.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None)));
        await h.SayAsync("jo", "resolved \"Re-sent a lost invoice\"");

        await using var db = h.Db();
        Assert.Equal(await TalliedByHourAsync(db), await CountedByHourAsync(db));
        Assert.Equal(DemoResolutions.Count + 1, await db.ResolutionTallies.SumAsync(t => t.Count));

        var oldest = await db.Resolutions.OrderBy(r => r.At).FirstAsync();
        oldest.At = oldest.At.AddDays(2).AddMinutes(37); // moved to another hour
        await db.SaveChangesAsync();
        Assert.Equal(await TalliedByHourAsync(db), await CountedByHourAsync(db));

        db.Resolutions.Remove(oldest);
        await db.SaveChangesAsync();
        Assert.Equal(await TalliedByHourAsync(db), await CountedByHourAsync(db));
    }

    [SqliteFact("steps through SQLite's migrations one by one; PostgreSQL's migration set begins with the tally in place")]
    public async Task Migration_TalliesResolutionsLoggedBeforeIt()
    {
        using var database = new TestDatabase(migrateTo: "OutboxLeasesAndSlackDirectChannels");
        await using (var db = database.NewContext())
        {
            // Raw inserts: the entity model has tables and columns (the tally, a member's away dates) this schema has not yet.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Members" ("Id", "Platform", "PlatformUserId", "DisplayName", "Role", "IsAway", "JoinedAt")
                VALUES (1, 'Local', 'jo', 'jo', 'Frontline', 0, {DateTime.UtcNow})
                """);
            foreach (var at in new[] { "2026-11-20 09:05:00", "2026-11-20 09:59:59.9", "2026-11-21 17:00:00" })
                await db.Database.ExecuteSqlAsync($"INSERT INTO Resolutions (What, ById, At) VALUES ('old fix', 1, {at})");
            await db.Database.MigrateAsync();
        }
        await using var migrated = database.NewContext();
        Assert.Equal(
            [(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), 2), (new DateTime(2026, 11, 21, 17, 0, 0, DateTimeKind.Utc), 1)],
            await TalliedByHourAsync(migrated));
    }

    static async Task<List<(DateTime, int)>> TalliedByHourAsync(Persistence.AppDbContext db) =>
        [.. (await db.ResolutionTallies.Where(t => t.Count > 0).OrderBy(t => t.Hour).ToListAsync()).Select(t => (t.Hour, t.Count))];

    static async Task<List<(DateTime, int)>> CountedByHourAsync(Persistence.AppDbContext db) =>
        [.. (await db.Resolutions.Select(r => r.At).ToListAsync())
            .GroupBy(ResolutionTally.HourOf).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];
}
