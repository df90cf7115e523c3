using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Core.Tests.Messaging;

/// <summary>
/// A clean stop in the middle of a fan-out: no new send starts, the sends under way finish and are recorded, and what
/// was not sent is released, so whoever comes next sends it without asking the platform first (nothing in doubt).
/// </summary>
public sealed class OutboxDrainTests
{
    static List<PlannedPost> Posts(int count) => Enumerable.Range(0, count).Select(i => new PlannedPost(
        new OutboxPost(new ChatAddress(ChatPlatform.Local, $"c-{i:00}"), $"review:c-{i:00}", "review"),
        _ => Task.FromResult(ChatMessage.Text($"review {i}")))).ToList();

    static CoreHarness Harness(TimeSpan drain) => new(configure: s => s.AddSingleton(new OutboxSettings { Drain = drain }));

    [Fact]
    public async Task CleanStop_MidFanOut_SendsUnderWayFinish_TheRestAreReleased_AndTheNextSweepSendsThemOnce()
    {
        using var h = Harness(TimeSpan.FromSeconds(30));
        var concurrency = new OutboxSettings().Concurrency;
        var atPlatform = 0;
        var answer = new TaskCompletionSource();
        h.Sent.Arriving = async (_, ct) => { Interlocked.Increment(ref atPlatform); await answer.Task.WaitAsync(ct); };
        using var stopping = new CancellationTokenSource();

        var fanOut = h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().PostAllAsync(Posts(60), stopping.Token));
        await Eventually(() => Volatile.Read(ref atPlatform) == concurrency);
        await stopping.CancelAsync();
        await Task.Delay(200); // a stop that cut the sends off would show by now
        Assert.Empty(h.Sent.Posts);
        answer.SetResult(); // the platform answers the sends under way
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fanOut);

        Assert.Equal(concurrency, h.Sent.Posts.Count);
        await using (var db = h.Db())
        {
            Assert.Equal(concurrency, await db.OutboundMessages.CountAsync(o => o.SentAt != null));
            Assert.Equal(0, await db.OutboundMessages.CountAsync(o => o.LeaseUntil != null)); // nothing held, so nothing in doubt
            Assert.Equal(0, await db.OutboundMessages.CountAsync(o => o.SentAt == null && o.Attempts > 0));
        }
        h.Sent.Arriving = null;
        Assert.Equal(60 - concurrency, await h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverDueAsync(100, CancellationToken.None)));
        Assert.Equal(0, h.Sent.HistoryLookups);
        Assert.All(h.Sent.Posts.GroupBy(p => p.Conversation), g => Assert.Single(g));
        Assert.Equal(60, h.Sent.Posts.Count);
    }

    [Fact]
    public async Task DrainTimeRunsOut_ASendStillWaitingToLeaveIsReleased_OneAlreadyAtThePlatformIsInDoubt()
    {
        using var h = Harness(TimeSpan.FromMilliseconds(300));
        var started = 0;
        h.Sent.Pacing = async (conversation, ct) =>
        {
            Interlocked.Increment(ref started);
            if (conversation == "c-00") await Task.Delay(Timeout.Infinite, ct); // waiting for a rate limit's next slot
        };
        h.Sent.Arriving = (conversation, ct) => conversation == "c-01" ? Task.Delay(Timeout.Infinite, ct) : Task.CompletedTask; // a platform that hangs
        using var stopping = new CancellationTokenSource();

        var fanOut = h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().PostAllAsync(Posts(3), stopping.Token));
        await Eventually(() => Volatile.Read(ref started) == 3 && h.Sent.Posts.Count == 1);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fanOut.WaitAsync(TimeSpan.FromSeconds(30)));

        await using var db = h.Db();
        var rows = await db.OutboundMessages.ToDictionaryAsync(o => o.ConversationId);
        Assert.NotNull(rows["c-02"].SentAt);
        Assert.Equal((null, null, 0), (rows["c-00"].LeaseUntil, rows["c-00"].SentAt, rows["c-00"].Attempts)); // released, not an attempt
        Assert.NotNull(rows["c-01"].LeaseUntil); // it may have arrived: asked about once its lease runs out
        Assert.Null(rows["c-01"].SentAt);
    }

    static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }
}
