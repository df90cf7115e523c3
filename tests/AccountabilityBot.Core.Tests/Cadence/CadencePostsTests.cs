using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Tests.Cadence;

public sealed class CadencePostsTests
{
    static async Task<CoreHarness> TeamWithLeadershipChannelAsync()
    {
        var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("ana", "channel leadership");
        await h.EnsureCadenceAsync();
        return h;
    }

    [Fact]
    public async Task Review_RunThreeTimes_PostsOncePerChannel()
    {
        using var h = await TeamWithLeadershipChannelAsync();
        await h.SayAsync("ana", "channel leadership", channel: "exec-2");
        Assert.Equal(2, await h.RunCadenceAsync("review"));
        Assert.Equal(0, await h.RunCadenceAsync("review"));
        Assert.Equal(0, await h.RunCadenceAsync("review"));
        Assert.Equal(["exec-2", "leadership"], h.Sent.Posts.Select(p => p.Conversation).Order());
    }

    [Fact]
    public async Task NewStory_IsPostedOnceWithItsActions_OldOnesAreNot()
    {
        using var h = await TeamWithLeadershipChannelAsync();
        await h.SayAsync("maria", "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\" story:\"Three missed deliveries.\"");
        Assert.Equal(1, await h.RunCadenceAsync("stories"));
        Assert.Equal(0, await h.RunCadenceAsync("stories"));
        var post = Assert.Single(h.Sent.Posts).Message;
        Assert.Contains("A customer left: ACME Dental", post.FallbackText);
        var buttons = post.Blocks.OfType<ActionsBlock>().Single().Buttons;
        Assert.Equal("commit Follow up with ACME Dental owner:me due:in 1 week re:L-1", buttons[0].Command);

        // Clicking "own the follow-up" makes the clicker the owner of a commitment linked to the story.
        Assert.Contains("C-1", await h.SayAsync("tom", buttons[0].Command));
        await using var db = h.Db();
        var c = await db.Commitments.Include(x => x.Owner).SingleAsync();
        Assert.Equal(("tom", "L-1"), (c.Owner.PlatformUserId, c.PromptedBy));
    }

    [Fact]
    public async Task StopReview_DueItemPostedOnce_AndTheChoiceIsRecordedWithWhoMadeIt()
    {
        using var h = await TeamWithLeadershipChannelAsync();
        await h.SayAsync("maria", "stop propose \"Cold calls\" review:2026-12-01");
        await h.SayAsync("maria", "stop agree S-1");
        Assert.Equal(0, await h.RunCadenceAsync("stops"));
        h.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, await h.RunCadenceAsync("stops"));
        Assert.Equal(0, await h.RunCadenceAsync("stops"));
        var keep = Assert.Single(h.Sent.Posts).Message.Blocks.OfType<ActionsBlock>().Single().Buttons[0];
        await h.SayAsync("tom", keep.Command);
        await using var db = h.Db();
        var item = await db.StopItems.SingleAsync();
        var tom = await db.Members.SingleAsync(m => m.PlatformUserId == "tom");
        Assert.Equal((StopItemStatus.KeptStopped, tom.Id), (item.Status, item.ReviewedById));
    }

    [Fact]
    public async Task Escalation_RaisedOnceThenOnlyWeekly_NamingTheOwner()
    {
        using var h = await TeamWithLeadershipChannelAsync();
        await h.SayAsync("maria", "commit Fix onboarding owner:@tom due:friday");
        h.Clock.Advance(TimeSpan.FromDays(8)); // due Fri 27 Nov; today Fri 4 Dec: 7 days overdue, not yet more than 7
        Assert.Equal(0, await h.RunCadenceAsync("escalation"));
        h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await h.RunCadenceAsync("escalation"));
        Assert.Contains("@tom", h.Sent.Posts[0].Message.FallbackText);
        for (var day = 1; day < 7; day++)
        {
            h.Clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(0, await h.RunCadenceAsync("escalation"));
        }
        h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await h.RunCadenceAsync("escalation"));
        await h.SayAsync("tom", "done C-1");
        h.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(0, await h.RunCadenceAsync("escalation"));
    }

    [Fact]
    public async Task Prompts_AskEachExecutiveByDm_AnswerFromTheButtonIsStored_ReminderOnce()
    {
        using var h = await TeamWithLeadershipChannelAsync();
        Assert.Equal(2, await h.RunCadenceAsync("prompts")); // maria and tom
        Assert.Equal(0, await h.RunCadenceAsync("prompts"));
        var toMaria = h.Sent.Posts.Single(p => p.Conversation == "dm:maria").Message;
        var answer = toMaria.Blocks.OfType<ActionsBlock>().Single().Buttons.Single();
        Assert.NotNull(answer.AskFor);
        Assert.Contains("P-", await h.SayAsync("maria", answer.Fill("We rescued \"ACME\" from a third missed delivery."), channel: "dm:maria"));

        // Two days later, in tom's morning (team zone UTC, 09:00), tom alone is reminded, once.
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await h.RunCadenceAsync("nudges"));
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 9, 15, 0, TimeSpan.Zero));
        Assert.Equal(1, await h.RunCadenceAsync("nudges"));
        Assert.Equal(0, await h.RunCadenceAsync("nudges"));
        Assert.Contains("gentle reminder", h.Sent.Posts.Last(p => p.Conversation == "dm:tom").Message.FallbackText);

        await using var db = h.Db();
        var answered = await db.Prompts.Include(p => p.Member).SingleAsync(p => p.AnsweredAt != null);
        Assert.Equal(("maria", "We rescued 'ACME' from a third missed delivery."), (answered.Member.PlatformUserId, answered.Answer));
    }

    [Fact]
    public async Task Preview_ShowsWhatWouldBePosted_WithoutClaimingOrChangingAnything()
    {
        using var h = await TeamWithLeadershipChannelAsync();
        await h.SayAsync("maria", "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\" story:\"Three missed deliveries.\"");
        var storyPreview = await h.SayAsync("ana", "cadence stories preview");
        Assert.Contains("A customer left: ACME Dental", storyPreview);
        var promptPreview = await h.SayAsync("ana", "cadence prompts preview");
        Assert.Contains("Your weekly question", promptPreview);
        Assert.Contains("Only the CCO", await h.SayAsync("maria", "cadence review preview"));

        await using (var db = h.Db())
        {
            Assert.Equal(0, await db.OutboundMessages.CountAsync());
            Assert.Equal(0, await db.Prompts.CountAsync());
            Assert.Null((await db.LostStories.SingleAsync()).PostedAt);
        }
        Assert.Equal(1, await h.RunCadenceAsync("stories")); // the real run still posts it
    }
}
