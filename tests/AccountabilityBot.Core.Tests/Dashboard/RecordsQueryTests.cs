using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Tests.Reviews;
using AccountabilityBot.Core.Tests.Support;
using static AccountabilityBot.Core.Tests.Dashboard.DashboardClock;

namespace AccountabilityBot.Core.Tests.Dashboard;

/// <summary>
/// Decisions and the stop list with the records that link them: a story prompts a decision and a proposed stop, the decision
/// leads to a commitment, and a stop item due for review is cited by a later decision.
/// </summary>
public sealed class RecordsQueryTests : IDisposable
{
    readonly TestDatabase database = new();
    int story, proposed, due, agreed, reinstated, fromStory, fromStop, followUp;

    public void Dispose() => database.Dispose();

    async Task SeedAsync()
    {
        await using var db = database.NewContext();
        var seed = new ReviewSeed(db);
        var ana = seed.Member("Ana", Role.Cco);
        var lost = seed.Story(seed.Event(CustomerEventKind.Lost, "Acme", Nov(2), 12_000m, "Price"), "Acme left.");
        await db.SaveChangesAsync();
        var p = seed.Stop("Quarterly price rises", StopItemStatus.Proposed, null, ana);
        p.Rationale = $"Why Acme left (l-{lost.Id}) and S-999";
        var d = seed.Stop("Paper invoices", StopItemStatus.Agreed, Nov(10));
        var a = seed.Stop("Cold calls", StopItemStatus.Agreed, new DateOnly(2026, 12, 30));
        var r = seed.Stop("Weekend support cut", StopItemStatus.Reinstated, Nov(1));
        await db.SaveChangesAsync();
        var one = new Decision { Text = "Price rises need the CCO", DecidedById = ana.Id, DecidedAt = Utc(11, 3, 9), PromptedBy = Refs.Of('L', lost.Id) };
        var two = new Decision { Text = "Email invoices only", DecidedById = ana.Id, OwnerId = ana.Id, DecidedAt = Utc(11, 12, 9),
            PromptedBy = Refs.Of('S', d.Id), DueOn = Nov(30) };
        db.Decisions.AddRange(one, two);
        await db.SaveChangesAsync();
        var c = seed.Commitment("Call Acme", ana, Nov(25), CommitmentStatus.OnTrack);
        c.PromptedBy = Refs.Of('D', one.Id);
        await db.SaveChangesAsync();
        (story, proposed, due, agreed, reinstated, fromStory, fromStop, followUp) = (lost.Id, p.Id, d.Id, a.Id, r.Id, one.Id, two.Id, c.Id);
    }

    [Fact]
    public async Task Decisions_NewestFirst_WithWhatPromptedThemAndWhatFollowed()
    {
        await SeedAsync();
        await using var db = database.NewContext();
        var page = await new DecisionsQuery(db).RunAsync(1, default);
        Assert.Equal([fromStop, fromStory], page.Items.Select(d => d.Id));
        var (last, first) = (page.Items[0], page.Items[1]);
        Assert.Equal(new RecordLink($"S-{due}", 'S', due, "Paper invoices"), last.Prompt);
        Assert.Equal(("Ana", Nov(30)), (last.Owner?.Name, last.DueOn));
        Assert.Empty(last.LedTo);
        Assert.Equal(new RecordLink($"L-{story}", 'L', story, "Why Acme left"), first.Prompt);
        Assert.Equal([new RecordLink($"C-{followUp}", 'C', followUp, "Call Acme")], first.LedTo);
        Assert.Equal((2, 1), (page.Total, page.Pages));
    }

    [Fact]
    public async Task StopList_Sections_AsTheReviewJudgesThem()
    {
        await SeedAsync();
        await using var db = database.NewContext();
        var view = await new StopListQuery(db, Now(), new BotSettings()).RunAsync(default);
        Assert.Equal([due], view.DueForReview.Select(s => s.Id));
        Assert.Equal([proposed], view.Proposed.Select(s => s.Id));
        Assert.Equal([agreed], view.Agreed.Select(s => s.Id));
        Assert.Equal([reinstated], view.Closed.Select(s => s.Id));
    }

    [Fact]
    public async Task StopList_Links_CitedInTheReasonAndCitingIt()
    {
        await SeedAsync();
        await using var db = database.NewContext();
        var view = await new StopListQuery(db, Now(), new BotSettings()).RunAsync(default);
        Assert.Equal([new RecordLink($"L-{story}", 'L', story, "Why Acme left"), new RecordLink("S-999", 'S', 999, null)],
            view.Proposed[0].Cites);
        Assert.Equal([new RecordLink($"D-{fromStop}", 'D', fromStop, "Email invoices only")], view.DueForReview[0].CitedBy);
        Assert.Empty(view.Agreed[0].CitedBy);
    }
}
