using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Teams;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>The Teams limits on one instance's pacing (SQLite): each window exactly.</summary>
public sealed class ConversationRateLimiterTests
{
    readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Burst_SevenGoAtOnce_TheEighthWaitsASecond_TheNinthTwo()
    {
        var limiter = new InProcessSendPacing(clock);
        var waits = Enumerable.Range(0, 9).Select(_ => limiter.Reserve(ConversationRateLimiter.Conversation("19:c@thread.tacv2"))).ToList();

        Assert.All(waits.Take(7), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.Equal(TimeSpan.FromSeconds(1), waits[7]);
        Assert.Equal(TimeSpan.FromSeconds(2), waits[8]);
    }

    [Fact]
    public void AppWide_EvenlySpaced_AndFortySevenASecond_UnderTeamsFifty()
    {
        var limiter = new InProcessSendPacing(clock);
        var waits = Enumerable.Range(0, 48).Select(_ => limiter.Reserve(ConversationRateLimiter.App)).ToList();
        Assert.Equal(Enumerable.Range(0, 47).Select(i => TimeSpan.FromMilliseconds(20 * i)), waits.Take(47));
        Assert.Equal(TimeSpan.FromSeconds(1), waits[47]); // the 48th waits for the first to leave the second
    }

    [Fact]
    public void AppWide_AnHourOfTraffic_KeepsOnlyTheLastSecondOfSlots()
    {
        var limiter = new InProcessSendPacing(clock);
        for (var i = 0; i < 3600; i++)
        {
            limiter.Reserve(ConversationRateLimiter.App);
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(ConversationRateLimiter.App));
        Assert.InRange(limiter.SlotsHeld(ConversationRateLimiter.AppWide), 1, 2);
    }

    [Fact]
    public void ConversationsArePacedIndependently()
    {
        var limiter = new InProcessSendPacing(clock);
        for (var i = 0; i < 8; i++) limiter.Reserve(ConversationRateLimiter.Conversation("a"));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(ConversationRateLimiter.Conversation("b")));
    }

    [Fact]
    public void SixtyIn30Seconds_The61stWaitsForTheWindow()
    {
        var limiter = new InProcessSendPacing(clock);
        for (var i = 0; i < 60; i++)
        {
            Assert.True(limiter.Reserve(ConversationRateLimiter.Conversation("a")) <= TimeSpan.FromSeconds(30));
            clock.Advance(TimeSpan.FromMilliseconds(400)); // 2.5 a second: under the 1 s and 2 s limits
        }
        // The first of the 60 went at t=0; the 61st may go at t=30 s, and it is now t=24 s.
        Assert.Equal(TimeSpan.FromSeconds(6), limiter.Reserve(ConversationRateLimiter.Conversation("a")));
    }

    [Fact]
    public void AnHourLimit_1800_IsHonoured()
    {
        var limiter = new InProcessSendPacing(clock);
        for (var i = 0; i < 1800; i++)
        {
            limiter.Reserve(ConversationRateLimiter.Conversation("a"));
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        // 1,800 posts took 30 minutes; the next must wait until an hour after the first.
        Assert.Equal(TimeSpan.FromMinutes(30), limiter.Reserve(ConversationRateLimiter.Conversation("a")));
    }

    [Fact]
    public void AConversationAtItsLimit_HoldsBackItsOwnSend_BookedWithTheAppWideLimitsAsOne()
    {
        var limiter = new InProcessSendPacing(clock);
        for (var i = 0; i < 7; i++) limiter.Reserve(ConversationRateLimiter.Conversation("a"));

        var wait = limiter.Reserve([.. ConversationRateLimiter.App, .. ConversationRateLimiter.Conversation("a")]);

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal(1, limiter.SlotsHeld(ConversationRateLimiter.AppWide));
    }

    [Fact]
    public async Task Hold_ARetryAfter_DelaysTheNextSendUnderThatKeyOnly()
    {
        var limiter = new InProcessSendPacing(clock);
        await limiter.HoldAsync(ConversationRateLimiter.Conversation("a"), TimeSpan.FromSeconds(3), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(3), limiter.Reserve(ConversationRateLimiter.Conversation("a")));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(ConversationRateLimiter.Conversation("b")));
    }
}
