using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Tests.Reviews;
using AccountabilityBot.Core.Tests.Support;
using static AccountabilityBot.Core.Tests.Dashboard.DashboardClock;

namespace AccountabilityBot.Core.Tests.Dashboard;

/// <summary>
/// Five commitments on 18 Nov with escalation after 7 days: "Escalated" is 17 days late, "Late" 3, "Soon" and "Later" not yet
/// due, "Finished" done (late, but closed, so neither overdue nor escalated).
/// </summary>
public sealed class CommitmentBoardQueryTests : IDisposable
{
    readonly TestDatabase database = new();
    int ana, ben, onboard, escalated;

    public void Dispose() => database.Dispose();

    async Task SeedAsync()
    {
        await using var db = database.NewContext();
        var seed = new ReviewSeed(db);
        var (a, b) = (seed.Member("Ana"), seed.Member("Ben"));
        var (stage, renew) = (seed.Stage("Onboard", 3), seed.Stage("Renew", 7));
        await db.SaveChangesAsync();
        var first = seed.Commitment("Escalated", a, Nov(1), CommitmentStatus.OnTrack, stage);
        seed.Commitment("Late", b, Nov(15), CommitmentStatus.AtRisk, renew);
        seed.Commitment("Later", a, new DateOnly(2026, 12, 1), CommitmentStatus.OnTrack);
        seed.Commitment("Soon", b, Nov(20), CommitmentStatus.Blocked, stage);
        seed.Commitment("Finished", a, Nov(1), CommitmentStatus.Done, stage);
        await db.SaveChangesAsync();
        first.Updates.Add(new CommitmentUpdate { Status = CommitmentStatus.AtRisk, Note = "Slipping", ById = b.Id, At = Utc(11, 10) });
        first.Updates.Add(new CommitmentUpdate { Status = CommitmentStatus.OnTrack, Note = "Committed", ById = a.Id, At = Utc(10, 20) });
        await db.SaveChangesAsync();
        (ana, ben, onboard, escalated) = (a.Id, b.Id, stage.Id, first.Id);
    }

    async Task<CommitmentBoard> RunAsync(CommitmentFilter filter, int page = 1)
    {
        await using var db = database.NewContext();
        return await new CommitmentBoardQuery(db, Now(), new BotSettings()).RunAsync(filter, page, default);
    }

    static string[] Titles(CommitmentBoard board) => [.. board.Cards.Items.Select(c => c.Title)];

    [Fact]
    public async Task Run_Open_EscalatedThenOverdueThenByDueDate()
    {
        await SeedAsync();
        var board = await RunAsync(new CommitmentFilter());
        Assert.Equal(["Escalated", "Late", "Soon", "Later"], Titles(board));
        var (top, late) = (board.Cards.Items[0], board.Cards.Items[1]);
        Assert.Equal((17, true, "Onboard", "Ana"), (top.DaysOverdue, top.Escalated, top.Stage, top.Owner.Name));
        Assert.Equal((3, false), (late.DaysOverdue, late.Escalated));
        Assert.Equal(0, board.Cards.Items[2].DaysOverdue);
    }

    [Fact]
    public async Task Run_History_OldestFirstWithWhoWroteIt()
    {
        await SeedAsync();
        var top = (await RunAsync(new CommitmentFilter())).Cards.Items[0];
        Assert.Equal(escalated, top.Id);
        Assert.Equal([("Committed", "Ana"), ("Slipping", "Ben")], top.Updates.Select(u => (u.Note, u.By)));
    }

    [Fact]
    public async Task Run_Filters_OwnerStageAndStatus()
    {
        await SeedAsync();
        Assert.Equal(["Escalated", "Later"], Titles(await RunAsync(CommitmentFilter.Read(ana, null, null))));
        Assert.Equal(["Escalated", "Soon", "Finished"], Titles(await RunAsync(CommitmentFilter.Read(null, onboard, "all"))));
        Assert.Equal(["Escalated", "Late"], Titles(await RunAsync(CommitmentFilter.Read(null, null, "overdue"))));
        Assert.Equal(["Escalated"], Titles(await RunAsync(CommitmentFilter.Read(null, null, "escalated"))));
        Assert.Equal(["Soon"], Titles(await RunAsync(CommitmentFilter.Read(ben, null, "blocked"))));
        Assert.Equal(["Finished"], Titles(await RunAsync(CommitmentFilter.Read(null, null, "done"))));
        Assert.Equal(CommitmentFilter.Open, CommitmentFilter.Read(null, null, "nonsense").Status);
    }

    [Fact]
    public async Task Run_Lanes_CountEveryCommitmentByOwnerAndStage()
    {
        await SeedAsync();
        var board = await RunAsync(CommitmentFilter.Read(ben, null, "done"));
        Assert.Equal([new BoardLane(ana, "Ana", 2, 1, 1, 1), new BoardLane(ben, "Ben", 2, 1, 0, 0)], board.Owners);
        Assert.Equal([("Onboard", 2, 1, 1, 1), ("Renew", 1, 1, 0, 0), ("No stage", 1, 0, 0, 0)],
            board.Stages.Select(l => (l.Name, l.Open, l.Overdue, l.Escalated, l.Closed)));
    }

    [Fact]
    public async Task Run_Pages_CountAllAndTakeOnePage()
    {
        await SeedAsync();
        await using (var db = database.NewContext())
        {
            var seed = new ReviewSeed(db);
            var owner = await db.Members.FindAsync(ana);
            for (var i = 0; i < CommitmentBoardQuery.PerPage; i++) seed.Commitment($"Extra {i:00}", owner!, Nov(25), CommitmentStatus.OnTrack);
            await db.SaveChangesAsync();
        }
        var second = await RunAsync(new CommitmentFilter(), page: 2);
        Assert.Equal((CommitmentBoardQuery.PerPage + 4, 2, 2), (second.Cards.Total, second.Cards.Page, second.Cards.Pages));
        Assert.Equal(["Extra 22", "Extra 23", "Extra 24", "Later"], Titles(second));
    }
}
