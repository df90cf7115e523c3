using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Core.Tests.Reviews;
using AccountabilityBot.Core.Tests.Support;
using static AccountabilityBot.Core.Domain.CustomerEventKind;
using static AccountabilityBot.Core.Tests.Dashboard.DashboardClock;

namespace AccountabilityBot.Core.Tests.Dashboard;

/// <summary>
/// Small data summed by hand. Quarter so far (1 Oct – 18 Nov): won 20,000 + 10,000.50; lost 36,000 + 5,000 + 12,000 + 1,000 +
/// 9,000 = 63,000 over five customers, so the net is −3 customers and −32,999.50 a year. "Slow support" is the most frequent
/// reason (3, 18,000) but "Price" the most valuable (2, 45,000).
/// </summary>
public sealed class CustomersQueryTests : IDisposable
{
    readonly TestDatabase database = new();
    int pickedStory, valuableStory;

    public void Dispose() => database.Dispose();

    async Task SeedAsync()
    {
        await using var db = database.NewContext();
        var seed = new ReviewSeed(db);
        seed.Event(Won, "Before the quarter", new DateOnly(2026, 9, 30), 77_777m);
        seed.Event(Won, "Old Friend", Nov(2), 20_000m);
        seed.Event(Won, "New Clinic", Nov(16), 10_000.50m, group: "Clinics");
        var d = seed.Event(Lost, "Dear Co", Oct(5), 36_000m, "price ");
        seed.Event(Lost, "Far Co", Oct(20), 5_000m, "Slow support");
        var e = seed.Event(Lost, "Each Co", Nov(3), 12_000m, "Slow support");
        seed.Event(Lost, "Gone Co", Nov(4), 1_000m, "slow support");
        var c = seed.Event(Lost, "Cheap Lab", Nov(17), 9_000m, "Price", "Labs");
        seed.Event(Renewed, "Loyal Clinic", Nov(10), 30_000m, "Great team", "Clinics");
        seed.Event(Referral, "Friend Lab", Nov(16), 8_000m, group: "Labs");
        var valuable = seed.Story(d, "Dear Co left over a price rise.");
        var picked = seed.Story(e, "Each Co waited two weeks for an answer.", pickedAt: Utc(11, 17, 9));
        seed.Story(c, "Cheap Lab found a cheaper supplier.");
        await db.SaveChangesAsync();
        (pickedStory, valuableStory) = (picked.Id, valuable.Id);
    }

    async Task<CustomersView> RunAsync(string? period, DateOnly? from = null, DateOnly? to = null, int page = 1)
    {
        await using var db = database.NewContext();
        var settings = new BotSettings();
        return await new CustomersQuery(db, new CustomerTotalsQuery(db), new CustomerTrendQuery(db), Now(), settings)
            .RunAsync(period, from, to, page, default);
    }

    [Fact]
    public async Task Run_Quarter_JarNetAndReasonsRankedBothWays()
    {
        await SeedAsync();
        var view = await RunAsync("quarter");
        Assert.Equal((Oct(1), Today), (view.Period.Range.From, view.Period.Range.To));
        Assert.Equal(new Tally(2, 30_000.50m), view.Totals.Won);
        Assert.Equal(new Tally(5, 63_000m), view.Totals.Lost);
        Assert.Equal((-3, -32_999.50m), (view.NetCount, view.NetValue));
        Assert.Equal([new ReasonTally("Slow support", 3, 18_000m), new ReasonTally("Price", 2, 45_000m)], view.LostByCount);
        Assert.Equal([new ReasonTally("Price", 2, 45_000m), new ReasonTally("Slow support", 3, 18_000m)], view.LostByValue);
        Assert.Null(view.Problem);
    }

    [Fact]
    public async Task Run_WeekMonthAndRange_CountOnlyTheirDays()
    {
        await SeedAsync();
        var week = await RunAsync("week");
        Assert.Equal((Nov(16), new Tally(1, 10_000.50m), new Tally(1, 9_000m)), (week.Period.Range.From, week.Totals.Won, week.Totals.Lost));
        Assert.Equal((0, 1_000.50m), (week.NetCount, week.NetValue));
        var month = await RunAsync("month");
        Assert.Equal((new Tally(2, 30_000.50m), new Tally(3, 22_000m)), (month.Totals.Won, month.Totals.Lost));
        var october = await RunAsync(null, Oct(1), Oct(31));
        Assert.Equal((DashboardPeriod.Custom, Tally.None, new Tally(2, 41_000m)), (october.Period.Key, october.Totals.Won, october.Totals.Lost));
    }

    [Fact]
    public async Task Run_BackwardsRange_FallsBackToQuarterWithTheProblem()
    {
        await SeedAsync();
        var view = await RunAsync("week", Nov(10), Nov(1));
        Assert.Equal("The range ends before it starts; put the earlier date first.", view.Problem);
        Assert.Equal("week", view.Period.Key);
        var half = await RunAsync(null, Nov(10));
        Assert.Equal(DashboardPeriod.Default, half.Period.Key);
        Assert.NotNull(half.Problem);
    }

    [Fact]
    public async Task Run_Groups_RenewalsReferralsAndRevenue()
    {
        await SeedAsync();
        var view = await RunAsync("month");
        Assert.Equal([new GroupTally("Clinics", new Tally(1, 30_000m), Tally.None), new GroupTally("Labs", Tally.None, new Tally(1, 8_000m))],
            view.Totals.Groups.OrderBy(g => g.Group, StringComparer.Ordinal));
        var clinics = Assert.Single(view.Revenue, g => g.Group == "Clinics");
        Assert.Equal((new Tally(1, 10_000.50m), new Tally(1, 30_000m)), (clinics.Won, clinics.Renewed));
        Assert.Equal(new Tally(1, 9_000m), Assert.Single(view.Revenue, g => g.Group == "Labs").Lost);
    }

    [Fact]
    public async Task Run_ThreeYears_SumsEverythingAndSplitsByGroupToo()
    {
        await SeedAsync();
        var view = await RunAsync(null, Today.AddYears(-3), Today);
        Assert.Equal((new Tally(3, 107_777.50m), new Tally(5, 63_000m)), (view.Totals.Won, view.Totals.Lost));
        Assert.Equal(["Clinics", "Labs", CustomerTotalsQuery.NoGroup], view.Revenue.Select(g => g.Group).Order(StringComparer.Ordinal));
        Assert.Equal(new Tally(2, 97_777m), Assert.Single(view.Revenue, g => g.Group == CustomerTotalsQuery.NoGroup).Won);
    }

    [Fact]
    public async Task Run_Trend_TwelveWeeksEndingThePeriodsLastDay()
    {
        await SeedAsync();
        var view = await RunAsync("week");
        Assert.Equal(12, view.Trend.Count);
        Assert.Equal((Nov(12), Today, new Tally(1, 10_000.50m), new Tally(1, 9_000m)),
            (view.Trend[^1].From, view.Trend[^1].To, view.Trend[^1].Won, view.Trend[^1].Lost));
        Assert.Equal((new Tally(1, 20_000m), new Tally(2, 13_000m)), (view.Trend[^3].Won, view.Trend[^3].Lost)); // 29 Oct – 4 Nov
    }

    [Fact]
    public async Task Run_Stories_PickIsTheStoryOfTheWeekAndTheListIsNewestFirst()
    {
        await SeedAsync();
        var view = await RunAsync("quarter");
        Assert.Equal(pickedStory, view.Pick?.Id);
        Assert.Equal(pickedStory, view.StoryOfTheWeek?.Id);
        Assert.Equal(["Cheap Lab", "Each Co", "Dear Co"], view.Stories.Items.Select(s => s.Story.Customer));
        Assert.Equal([false, true, false], view.Stories.Items.Select(s => s.Picked));
        Assert.Equal((3, 1, false), (view.Stories.Total, view.Stories.Pages, view.Stories.HasNext));
        var week = await RunAsync("week");
        Assert.Equal(["Cheap Lab"], week.Stories.Items.Select(s => s.Story.Customer));
        Assert.Equal(1, week.Stories.Total);
        // A long range counts its stories the other way round (from the stories), with the same answer.
        var years = await RunAsync(null, Today.AddYears(-3), Today);
        Assert.Equal((3, 1), (years.Stories.Total, years.Stories.Pages));
        var november = await RunAsync(null, Nov(4), Today.AddDays(100));
        Assert.Equal(["Cheap Lab"], november.Stories.Items.Select(s => s.Story.Customer));
        Assert.Equal(1, november.Stories.Total);
    }

    [Fact]
    public async Task Run_NoPick_StoryOfTheWeekIsTheMostValuableUntold()
    {
        await SeedAsync();
        await using (var db = database.NewContext())
        {
            var story = await db.LostStories.FindAsync(pickedStory);
            story!.PickedAt = null;
            await db.SaveChangesAsync();
        }
        var view = await RunAsync("quarter");
        Assert.Null(view.Pick);
        Assert.Equal(valuableStory, view.StoryOfTheWeek?.Id);
    }
}
