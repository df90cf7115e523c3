using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Tests.Commitments;

public sealed class CommitmentUseCaseTests
{
    [Fact]
    public async Task Commit_WithOwnerDueAndStage_RecordsC1AndSaysSo()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var reply = await h.SayAsync("maria", "commit Fix the onboarding email sequence owner:@tom due:friday stage:Onboard");
        Assert.Contains("Recorded commitment C-1: Fix the onboarding email sequence", reply);
        Assert.Contains("@tom", reply);
        await using var db = h.Db();
        var c = await db.Commitments.Include(x => x.Owner).Include(x => x.Stage).SingleAsync();
        Assert.Equal("tom", c.Owner.PlatformUserId);
        Assert.Equal(new DateOnly(2026, 11, 27), c.DueOn);
        Assert.Equal("Onboard", c.Stage!.Name);
        Assert.Equal(CommitmentStatus.OnTrack, c.Status);
        Assert.Single(await db.AuditTrail.Where(a => a.Subject == "C-1").ToListAsync());
    }

    [Fact]
    public async Task Update_ByOwner_ChangesStatusAndKeepsHistory()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "commit Fix onboarding owner:@tom due:friday");
        var reply = await h.SayAsync("tom", "update C-1 at-risk \"vendor slipped a week\"");
        Assert.Contains("Marked at risk C-1", reply);
        await h.SayAsync("tom", "done C-1");
        await using var db = h.Db();
        var c = await db.Commitments.Include(x => x.Updates).SingleAsync();
        Assert.Equal(CommitmentStatus.Done, c.Status);
        Assert.NotNull(c.ClosedAt);
        Assert.Equal([CommitmentStatus.AtRisk, CommitmentStatus.Done], c.Updates.OrderBy(u => u.Id).Select(u => u.Status));
        Assert.Equal("vendor slipped a week", c.Updates.OrderBy(u => u.Id).First().Note);
    }

    [Fact]
    public async Task Update_ByFrontlineNonOwner_IsRefused()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "commit Fix onboarding owner:@tom due:friday");
        var reply = await h.SayAsync("jo", "done C-1");
        Assert.Contains("belongs to tom", reply);
        await using var db = h.Db();
        Assert.Equal(CommitmentStatus.OnTrack, (await db.Commitments.SingleAsync()).Status);
    }

    [Fact]
    public async Task Mine_AfterDueDatePasses_ShowsOverdueDays()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "commit Fix onboarding owner:@tom due:friday");
        h.Clock.Advance(TimeSpan.FromDays(5));
        var reply = await h.SayAsync("tom", "mine");
        Assert.Contains("C-1", reply);
        Assert.Contains("OVERDUE by 4 days", reply);
    }

    [Fact]
    public async Task Commit_ForUnknownName_SuggestsTheKnownOne()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var reply = await h.SayAsync("maria", "commit Fix it owner:@to due:friday");
        Assert.Contains("I don't know anyone called @to", reply);
        Assert.Contains("Did you mean @tom", reply);
    }

    [Fact]
    public async Task Decide_RegardingAStoryThatExists_LinksIt_AndUnknownIsRefused()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var unknown = await h.SayAsync("maria", "decide Waive the fee re:L-5");
        Assert.Contains("can't find L-5", unknown);
        await h.SayAsync("maria", "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\" story:\"Three missed deliveries in October.\"");
        var reply = await h.SayAsync("maria", "decide Waive the cancellation fee owner:@maria due:2026-12-15 re:L-1");
        Assert.Contains("Recorded decision D-1", reply);
        await using var db = h.Db();
        var d = await db.Decisions.SingleAsync();
        Assert.Equal("L-1", d.PromptedBy);
        Assert.Equal(new DateOnly(2026, 12, 15), d.DueOn);
    }
}
