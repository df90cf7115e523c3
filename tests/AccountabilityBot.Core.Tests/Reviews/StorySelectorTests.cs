using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Stories;
using AccountabilityBot.Core.Tests.Support;

namespace AccountabilityBot.Core.Tests.Reviews;

public sealed class StorySelectorTests : IDisposable
{
    static readonly DateOnly From = new(2026, 11, 16), To = new(2026, 11, 22);
    static readonly DateTime Instant = new(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc);
    readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    async Task<int> SeedAsync(Func<ReviewSeed, LostStory> build)
    {
        await using var db = database.NewContext();
        var story = build(new ReviewSeed(db));
        await db.SaveChangesAsync();
        return story.Id;
    }

    async Task<LostStory?> SelectAsync()
    {
        await using var db = database.NewContext();
        return await StorySelector.StoryOfTheWeekAsync(db, From, To, default);
    }

    static LostStory Lost(ReviewSeed seed, string customer, DateOnly on, decimal value, DateTime? picked = null, DateTime? told = null) =>
        seed.Story(seed.Event(CustomerEventKind.Lost, customer, on, value), $"{customer} left.", picked, told);

    [Fact]
    public async Task StoryOfTheWeek_Picked_BeatsMoreValuableAndLatestPickWins()
    {
        await SeedAsync(s => Lost(s, "Big", To, 500_000m));
        await SeedAsync(s => Lost(s, "Picked first", From, 1_000m, picked: Instant));
        var latest = await SeedAsync(s => Lost(s, "Picked last", new DateOnly(2026, 1, 5), 2_000m, picked: Instant.AddDays(1)));

        var story = await SelectAsync();

        Assert.Equal(latest, story?.Id);
        Assert.Equal("Picked last", story?.Event.Customer.Name);
    }

    [Fact]
    public async Task StoryOfTheWeek_Told_SkippedEvenWhenPicked()
    {
        await SeedAsync(s => Lost(s, "Told", To, 900_000m, picked: Instant, told: Instant));
        var untold = await SeedAsync(s => Lost(s, "Untold", To, 1_000m));

        Assert.Equal(untold, (await SelectAsync())?.Id);
    }

    [Fact]
    public async Task StoryOfTheWeek_NoPick_HighestValueComparedAsNumbersNotText()
    {
        await SeedAsync(s => Lost(s, "Nine thousand", To, 9_000m));
        var bigger = await SeedAsync(s => Lost(s, "Thirty-six thousand", From, 36_000m));

        Assert.Equal(bigger, (await SelectAsync())?.Id);
    }

    [Fact]
    public async Task StoryOfTheWeek_EqualValue_MostRecentLossWins()
    {
        await SeedAsync(s => Lost(s, "Earlier", From, 10_000m));
        var recent = await SeedAsync(s => Lost(s, "Recent", To, 10_000m));

        Assert.Equal(recent, (await SelectAsync())?.Id);
    }

    [Fact]
    public async Task StoryOfTheWeek_Window_NinetyDaysEndingTo()
    {
        var oldest = To.AddDays(-89);
        await SeedAsync(s => Lost(s, "Too old", oldest.AddDays(-1), 900_000m));
        await SeedAsync(s => Lost(s, "After the period", To.AddDays(1), 900_000m));
        var inside = await SeedAsync(s => Lost(s, "Ninetieth day", oldest, 1_000m));

        Assert.Equal(inside, (await SelectAsync())?.Id);
    }

    [Fact]
    public async Task StoryOfTheWeek_NothingUntold_Null()
    {
        await SeedAsync(s => Lost(s, "Told", To, 1_000m, told: Instant));

        Assert.Null(await SelectAsync());
    }
}
