using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Core.Tests.Reviews;
using AccountabilityBot.Core.Tests.Support;
using static AccountabilityBot.Core.Tests.Dashboard.DashboardClock;

namespace AccountabilityBot.Core.Tests.Dashboard;

/// <summary>
/// The twelve weeks end Wed 18 Nov, so the last is Thu 12 – Wed 18 Nov and the first starts Thu 27 Aug. By hand: last week
/// Onboard 1 (25.50), Renew 1 (no cost), no stage 1 (10); the week before Onboard 1 (100); 135.50 in all over 4.
/// </summary>
public sealed class FrontlineQueryTests : IDisposable
{
    readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    async Task<FrontlineView> RunAsync(BotSettings? settings = null)
    {
        await using var db = database.NewContext();
        return await new FrontlineQuery(db, Now(), settings ?? new BotSettings()).RunAsync(default);
    }

    async Task SeedAsync()
    {
        await using var db = database.NewContext();
        var seed = new ReviewSeed(db);
        var (ana, ben, cy) = (seed.Member("Ana"), seed.Member("Ben"), seed.Member("Cy"));
        var (onboard, renew) = (seed.Stage("Onboard", 3), seed.Stage("Renew", 7));
        seed.Resolution(ana, Utc(11, 18, 10), onboard, 25.50m);
        seed.Resolution(ana, Utc(11, 12), renew, null);
        seed.Resolution(cy, Utc(11, 13, 8), null, 10m);
        seed.Resolution(ben, Utc(11, 11, 23, 59), onboard, 100m);
        seed.Resolution(ben, Utc(8, 26, 23, 59), onboard, 1_000m);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Run_Weeks_ByStageInJourneyOrder()
    {
        await SeedAsync();
        var view = await RunAsync();
        Assert.Equal(12, view.Weeks.Count);
        Assert.Equal((new DateOnly(2026, 8, 27), Nov(12), Today), (view.Weeks[0].From, view.Weeks[^1].From, view.Weeks[^1].To));
        Assert.Equal([new StageTally("Onboard", 3, 1, 25.50m), new StageTally("Renew", 7, 1, 0m), new StageTally(FrontlineTally.NoStage, int.MaxValue, 1, 10m)],
            view.Weeks[^1].Stages);
        Assert.Equal((3, 35.50m), (view.Weeks[^1].Count, view.Weeks[^1].Cost));
        Assert.Equal([new StageTally("Onboard", 3, 1, 100m)], view.Weeks[^2].Stages);
        Assert.Empty(view.Weeks[0].Stages);
    }

    [Fact]
    public async Task Run_Totals_AndThePeopleThankedMostFirst()
    {
        await SeedAsync();
        var view = await RunAsync();
        Assert.Equal((4, 135.50m), (view.Count, view.Cost));
        Assert.Equal([("Onboard", 2, 125.50m), ("Renew", 1, 0m), (FrontlineTally.NoStage, 1, 10m)], view.Stages.Select(s => (s.Stage, s.Count, s.Cost)));
        Assert.Equal([("Ana", 2), ("Ben", 1), ("Cy", 1)], view.Thanked.Select(c => (c.Who.Name, c.Count)));
        Assert.Equal(3, view.People);
    }

    [Fact]
    public async Task Run_TeamZone_WeeksStartAtLocalMidnight()
    {
        await SeedAsync();
        // In Tokyo (UTC+9) 23:59 UTC on Wed 11 Nov is already Thu 12 Nov, so Ben's 100 moves into the last week.
        var view = await RunAsync(new BotSettings { DefaultTimeZone = "Asia/Tokyo" });
        Assert.Equal((4, 135.50m), (view.Weeks[^1].Count, view.Weeks[^1].Cost));
    }
}
