using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Core.Tests.Cadence;

/// <summary>
/// The process dies in the middle of a 200-channel review (its job is cancelled mid-send). After the restart the job
/// runs again and the sweeper finishes the fan-out; the post that was mid-send is in doubt until its lease runs out,
/// and then the platform is asked whether it arrived.
/// </summary>
public sealed class FanOutCrashTests
{
    const int Channels = 200, DiesAt = 81;

    [Fact]
    public async Task ReviewFanOut_DiesAfterAPostArrivedButBeforeItWasRecorded_NoChannelGetsTwo()
    {
        using var h = await SetUpAsync();
        await DieAfterAPostArrivedAsync(h);

        await RestartAndSweepAsync(h);

        AssertEachChannelGotExactlyOne(h);
        // Only what the dead worker held (one batch) is looked up; the rest is simply sent.
        Assert.InRange(h.Sent.HistoryLookups, 1, new OutboxSettings().Concurrency * 4);
        await AssertAllRecordedSentAsync(h);
    }

    [Fact]
    public async Task ReviewFanOut_DiesBeforeAPostWentOut_ThatPostIsSentOnce()
    {
        using var h = await SetUpAsync();
        using var dying = new CancellationTokenSource();
        h.Sent.BeforeSend = n =>
        {
            if (n != DiesAt) return;
            dying.Cancel();
            dying.Token.ThrowIfCancellationRequested();
        };
        await DieMidFanOutAsync(h, dying.Token);
        h.Sent.BeforeSend = null;

        await RestartAndSweepAsync(h);

        AssertEachChannelGotExactlyOne(h);
        await AssertAllRecordedSentAsync(h);
    }

    /// <summary>Teams keeps nothing the bot can look up: the one post in doubt is sent again rather than risk losing it.</summary>
    [Fact]
    public async Task ReviewFanOut_PlatformCannotTell_OnlyThePostInDoubtArrivesTwice()
    {
        using var h = await SetUpAsync();
        h.Sent.CanTell = false;
        await DieAfterAPostArrivedAsync(h);

        await RestartAndSweepAsync(h);

        var perChannel = h.Sent.Posts.GroupBy(p => p.Conversation).ToList();
        Assert.Equal(Channels, perChannel.Count);
        Assert.Single(perChannel, g => g.Count() == 2);
        await AssertAllRecordedSentAsync(h);
    }

    static async Task<CoreHarness> SetUpAsync()
    {
        // A crash, not a clean stop: nothing drains, the sends under way are cut off with the stop.
        var h = await new CoreHarness(configure: s => s.AddSingleton(new OutboxSettings { Drain = TimeSpan.Zero })).WithTeamAsync();
        await h.EnsureCadenceAsync();
        await using var setup = h.Db();
        var cco = await setup.Members.SingleAsync(m => m.PlatformUserId == "ana");
        setup.ChannelBindings.AddRange(Enumerable.Range(0, Channels).Select(i => new ChannelBinding
        {
            Platform = ChatPlatform.Local, ConversationId = $"exec-{i:000}", Purpose = ChannelPurpose.Leadership, BoundById = cco.Id,
        }));
        await setup.SaveChangesAsync();
        return h;
    }

    /// <summary>The post arrives, then the process dies before it learns so.</summary>
    static async Task DieAfterAPostArrivedAsync(CoreHarness h)
    {
        using var dying = new CancellationTokenSource();
        var sends = 0;
        h.Sent.AfterDelivered = async ct =>
        {
            if (Interlocked.Increment(ref sends) != DiesAt) return;
            await dying.CancelAsync();
            dying.Token.ThrowIfCancellationRequested();
        };
        await DieMidFanOutAsync(h, dying.Token);
        h.Sent.AfterDelivered = null;
    }

    static async Task DieMidFanOutAsync(CoreHarness h, CancellationToken dying)
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            h.WithScopeAsync(sp => sp.GetRequiredService<CadenceRunner>().RunAsync("review", dying)));
        Assert.InRange(h.Sent.Posts.Count, DiesAt - 1, Channels - 1);
        Assert.Equal(0, h.Sent.HistoryLookups); // nothing was in doubt before the crash
    }

    /// <summary>The restarted host: the job runs again (Hangfire retries it) and the sweeper runs every minute.</summary>
    static async Task RestartAndSweepAsync(CoreHarness h)
    {
        Assert.Equal(0, await h.RunCadenceAsync("review")); // everything was claimed before the crash
        await h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverDueAsync(500, CancellationToken.None));
        await using (var db = h.Db())
            Assert.Equal(1, await db.OutboundMessages.CountAsync(o => o.SentAt == null)); // the one in doubt waits for its lease
        h.Clock.Advance(new OutboxSettings().Lease + TimeSpan.FromSeconds(1));
        await h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverDueAsync(500, CancellationToken.None));
    }

    static void AssertEachChannelGotExactlyOne(CoreHarness h)
    {
        var perChannel = h.Sent.Posts.GroupBy(p => p.Conversation).ToList();
        Assert.Equal(Channels, perChannel.Count);
        Assert.All(perChannel, g => Assert.Single(g));
    }

    static async Task AssertAllRecordedSentAsync(CoreHarness h)
    {
        await using var db = h.Db();
        Assert.Equal(Channels, await db.OutboundMessages.CountAsync(o => o.Kind == "review" && o.SentAt != null && o.LeaseUntil == null));
    }
}
