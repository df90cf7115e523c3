using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Tests.StopList;

public sealed class StopListUseCaseTests
{
    [Fact]
    public async Task StopItem_ProposedAgreedThenKept_FollowsItsLifecycle()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var proposed = await h.SayAsync("jo", "stop propose \"Manager approval for refunds under $50\" owner:@maria review:2027-01-15");
        Assert.Contains("Proposed stop S-1", proposed);
        Assert.Contains("Agreed to stop S-1", await h.SayAsync("maria", "stop agree S-1"));
        await using (var db = h.Db())
        {
            var item = await db.StopItems.SingleAsync();
            Assert.Equal(StopItemStatus.Agreed, item.Status);
            Assert.Equal(new DateOnly(2027, 1, 15), item.ReviewOn);
            Assert.False(item.IsDueForReview(new DateOnly(2027, 1, 14)));
            Assert.True(item.IsDueForReview(new DateOnly(2027, 1, 15)));
        }
        Assert.Contains("Keeping stopped S-1", await h.SayAsync("tom", "stop keep S-1"));
        await using (var db = h.Db())
        {
            var item = await db.StopItems.SingleAsync();
            Assert.Equal(StopItemStatus.KeptStopped, item.Status);
            Assert.NotNull(item.ReviewedById);
        }
    }

    [Fact]
    public async Task Agree_WithoutReviewDate_SchedulesAReviewInAQuarter()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "stop propose \"Weekly status report nobody reads\"");
        await h.SayAsync("maria", "stop agree S-1");
        await using var db = h.Db();
        Assert.Equal(new DateOnly(2026, 11, 26).AddDays(90), (await db.StopItems.SingleAsync()).ReviewOn);
    }

    [Fact]
    public async Task Keep_BeforeAgreement_IsRefusedWithTheNextStep()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "stop propose \"Cold calls\"");
        var reply = await h.SayAsync("maria", "stop keep S-1");
        Assert.Contains("agree to it first with `stop agree S-1`", reply);
        await using var db = h.Db();
        Assert.Equal(StopItemStatus.Proposed, (await db.StopItems.SingleAsync()).Status);
    }

    [Fact]
    public async Task FrontlineMember_CanProposeButNotAgree()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("jo", "stop propose \"Cold calls\"");
        Assert.Contains("Only executives", await h.SayAsync("jo", "stop agree S-1"));
    }

    [Fact]
    public async Task StopList_ShowsDueItemsWithKeepAndReinstateButtons()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "stop propose \"Cold calls\" review:2026-12-01");
        await h.SayAsync("maria", "stop agree S-1");
        h.Clock.Advance(TimeSpan.FromDays(6));
        var list = await h.ReplyAsync("maria", "stop list");
        Assert.Contains("Due for review (1)", list.FallbackText);
        var buttons = list.Blocks.OfType<AccountabilityBot.Core.Messaging.ActionsBlock>().Single().Buttons.Select(b => b.Command);
        Assert.Equal(["stop keep S-1", "stop reinstate S-1"], buttons);
    }

    [Fact]
    public async Task Keep_WithNextReviewDate_StaysStoppedAndComesDueAgain()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "stop propose \"Cold calls\" review:2026-12-01");
        await h.SayAsync("maria", "stop agree S-1");
        h.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Contains("next review", await h.SayAsync("tom", "stop keep S-1 review:2027-03-01"));
        await using var db = h.Db();
        var item = await db.StopItems.SingleAsync();
        Assert.Equal((StopItemStatus.Agreed, new DateOnly(2027, 3, 1)), (item.Status, item.ReviewOn));
        Assert.False(item.IsDueForReview(new DateOnly(2027, 2, 28)));
        Assert.True(item.IsDueForReview(new DateOnly(2027, 3, 1)));
    }
}
