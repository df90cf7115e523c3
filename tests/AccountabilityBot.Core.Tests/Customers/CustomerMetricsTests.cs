using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Core.Tests.Reviews;
using AccountabilityBot.Core.Tests.Support;
using static AccountabilityBot.Core.Domain.CustomerEventKind;

namespace AccountabilityBot.Core.Tests.Customers;

/// <summary>
/// A hand-checked fixture, summed by the database. Values are chosen so that text ordering or sums would be wrong:
/// 9,000 sorts above 36,000 as text, and cents must add up exactly.
/// </summary>
public sealed class CustomerMetricsTests : IDisposable
{
    readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    static DateOnly Nov(int day) => new(2026, 11, day);

    async Task SeedAsync()
    {
        await using var db = database.NewContext();
        var seed = new ReviewSeed(db);
        seed.Event(Won, "A", Nov(2), 36_000m, group: "Clinics");
        seed.Event(Won, "B", Nov(3), 9_000.25m, group: "Clinics");
        seed.Event(Won, "C", Nov(9), 1_000.50m);
        seed.Event(Lost, "D", Nov(4), 12_000m, "Price", "Clinics");
        seed.Event(Lost, "E", Nov(5), 9_000m, "price ", "Labs");
        seed.Event(Lost, "F", Nov(10), 50_000m, "Slow support", "Labs");
        seed.Event(Renewed, "G", Nov(6), 20_000m, "Great team", "Labs");
        seed.Event(Referral, "H", Nov(7), 5_000m, group: "Clinics");
        seed.Event(Won, "Outside", Oct(31), 77_777m);
        await db.SaveChangesAsync();
    }

    static DateOnly Oct(int day) => new(2026, 10, day);

    async Task<RangeTotals> TotalsAsync(DateOnly from, DateOnly to)
    {
        await using var db = database.NewContext();
        return await new CustomerTotalsQuery(db).RunAsync(new DateRange(from, to), default);
    }

    [Fact]
    public async Task Totals_Range_SumsCountsAndExactCentsInsideRangeOnly()
    {
        await SeedAsync();
        var t = (await TotalsAsync(Nov(1), Nov(10))).Totals;
        Assert.Equal(new Tally(3, 46_000.75m), t.Won);
        Assert.Equal(new Tally(3, 71_000m), t.Lost);
        Assert.Equal(new Tally(1, 20_000m), t.Renewed);
        Assert.Equal(new Tally(1, 5_000m), t.Referred);
    }

    [Fact]
    public async Task Totals_LostReasons_FoldCaseAndSpaceAndSumValues()
    {
        await SeedAsync();
        var t = (await TotalsAsync(Nov(1), Nov(10))).Totals;
        Assert.Equal([new ReasonTally("Price", 2, 21_000m), new ReasonTally("Slow support", 1, 50_000m)],
            t.LostReasons.OrderBy(r => r.Reason, StringComparer.Ordinal));
        Assert.Equal([new ReasonTally("Great team", 1, 20_000m)], t.RenewalReasons);
    }

    [Fact]
    public async Task Totals_RevenueByGroup_SplitsKindsAndNamesUngrouped()
    {
        await SeedAsync();
        var revenue = (await TotalsAsync(Nov(1), Nov(10))).Revenue;
        var clinics = Assert.Single(revenue, g => g.Group == "Clinics");
        Assert.Equal((new Tally(2, 45_000.25m), new Tally(1, 12_000m), new Tally(1, 5_000m)), (clinics.Won, clinics.Lost, clinics.Referred));
        var labs = Assert.Single(revenue, g => g.Group == "Labs");
        Assert.Equal((Tally.None, new Tally(1, 20_000m), new Tally(2, 59_000m)), (labs.Won, labs.Renewed, labs.Lost));
        Assert.Equal(new Tally(1, 1_000.50m), Assert.Single(revenue, g => g.Group == CustomerTotalsQuery.NoGroup).Won);
    }

    [Fact]
    public async Task Trend_TwelveWeeks_BucketsWonAndLostByWeekOldestFirst()
    {
        await SeedAsync();
        await using var db = database.NewContext();
        var weeks = await new CustomerTrendQuery(db).RunAsync(Nov(15), default);
        Assert.Equal(12, weeks.Count);
        Assert.Equal((Nov(9), Nov(15)), (weeks[^1].From, weeks[^1].To));
        Assert.Equal((new Tally(1, 1_000.50m), new Tally(1, 50_000m)), (weeks[^1].Won, weeks[^1].Lost));
        Assert.Equal((Nov(2), new Tally(2, 45_000.25m), new Tally(2, 21_000m)), (weeks[^2].From, weeks[^2].Won, weeks[^2].Lost));
        Assert.Equal(new Tally(1, 77_777m), weeks[^3].Won);
        Assert.Equal(-48_999.50m, weeks[^1].NetValue);
    }

    [Fact]
    public async Task StoryOfTheWeek_ValuesAsNumbers_PicksLargestNotTextuallyLargest()
    {
        await using (var db = database.NewContext())
        {
            var seed = new ReviewSeed(db);
            seed.Story(seed.Event(Lost, "Nine", Nov(4), 9_000m), "nine");
            seed.Story(seed.Event(Lost, "Thirty-six", Nov(3), 36_000m), "thirty-six");
            await db.SaveChangesAsync();
        }
        await using var read = database.NewContext();
        var story = await Stories.StorySelector.StoryOfTheWeekAsync(read, Nov(1), Nov(8), default);
        Assert.Equal("thirty-six", story?.Narrative);
    }
}
