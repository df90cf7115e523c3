using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Reviews;
using static AccountabilityBot.Core.Domain.CustomerEventKind;

namespace AccountabilityBot.Core.Tests.Reviews;

// Records stamped with instants are counted by the review zone's days, not by UTC dates.
public sealed partial class ReviewLoaderTests
{
    [Fact]
    public async Task LoadAsync_InstantsAndStory_OnlyThisWeeksDecisionsResolutionsAnswers()
    {
        int storyId;
        await using (var db = database.NewContext())
        {
            var seed = new ReviewSeed(db);
            var ana = seed.Member("Ana");
            var ben = seed.Member("Ben", Role.Frontline);
            var help = seed.Stage("Get help", 6);
            seed.Decision("Too early", ana, Utc(9, 27, 23, 59));
            seed.Decision("Refund setup fees", ana, Utc(9, 28), owner: ben);
            seed.Decision("Too late", ana, Utc(10, 5));
            seed.Resolution(ben, Utc(9, 28, 9), help, 25.50m);
            seed.Resolution(ben, Utc(10, 4, 23, 59), help, null);
            seed.Resolution(ana, Utc(10, 1), null, 10m);
            seed.Resolution(ana, Utc(9, 27, 12), help, 1_000m);
            seed.Prompt(ana, "What will you stop?", "Weekend calls.", Utc(9, 30));
            seed.Prompt(ana, "Old question", "Old answer", Utc(9, 20));
            seed.Prompt(ben, "Unanswered", null, null);
            var story = seed.Story(seed.Event(Lost, "Acme", Oct(2), 36_000m, "Fees", "Enterprise"), "Acme left over fees.");
            await db.SaveChangesAsync();
            storyId = story.Id;
        }

        var s = await LoadAsync();

        var decision = Assert.Single(s.Decisions);
        Assert.Equal(("Refund setup fees", "Ana", "Ben"), (decision.Text, decision.DecidedBy.Name, decision.Owner?.Name));
        Assert.Equal([new StageTally("Get help", 6, 2, 25.50m), new StageTally("No stage", int.MaxValue, 1, 10m)], s.Frontline.OrderBy(t => t.Position));
        Assert.Equal([("Ana", 1), ("Ben", 2)], s.Contributors.Select(c => (c.Who.Name, c.Count)).OrderBy(c => c.Name));
        Assert.Equal("Weekend calls.", Assert.Single(s.Answers).Answer);
        Assert.Equal(new StoryView(storyId, "Acme", "Enterprise", Oct(2), 36_000m, "Fees", "Acme left over fees."), s.Story);
    }

    [Fact]
    public async Task LoadAsync_ReviewZoneAheadOfUtc_WeekStartsAtLocalMidnight()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        await using (var db = database.NewContext())
        {
            var seed = new ReviewSeed(db);
            var ana = seed.Member("Ana");
            seed.Decision("Sunday 23:30 UTC is Monday in Paris", ana, Utc(9, 27, 22, 30));
            seed.Decision("Sunday 22:30 UTC is next Monday in Paris", ana, Utc(10, 4, 22, 30));
            await db.SaveChangesAsync();
        }

        var s = await LoadAsync(ReviewPeriod.EndingYesterday(Today, paris));

        Assert.Equal("Sunday 23:30 UTC is Monday in Paris", Assert.Single(s.Decisions).Text);
    }
}
