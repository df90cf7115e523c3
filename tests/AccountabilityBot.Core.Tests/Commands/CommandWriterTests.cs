using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Core.Tests.Commands;

/// <summary>
/// Group commit: commands queued while a batch is being written go together into the next one. Each test holds the
/// first batch at its commit (the writer's test seam) until the rest are queued, so the batches are the same every run.
/// </summary>
public sealed class CommandWriterTests
{
    [Fact]
    public async Task QueuedTogether_OneCommit_EveryCommandPersistedAndAnswered()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var batches = new List<int>();
        var rest = await HoldFirstBatchAsync(h, batches, () => Enumerable.Range(1, 20).Select(i => h.QueueAsync("jo", $"resolved \"fix {i}\"")).ToList());

        Assert.Equal([1, 20], batches);
        Assert.All(rest, outcome => Assert.True(outcome.Fresh));
        Assert.All(rest, outcome => Assert.Contains("Logged", outcome.Reply.FallbackText));
        await using var db = h.Db();
        Assert.Equal(21, await db.Resolutions.CountAsync());
        Assert.Equal(21, await db.AuditTrail.CountAsync(a => a.Action == "resolution.logged"));
        Assert.Equal(0, await db.ReceivedCommands.CountAsync(r => r.HandledAt == null || r.ReplyJson == null));
        // Each command got its own reference, in queue order.
        Assert.Equal(Enumerable.Range(2, 20).Select(i => $"R-{i}"), rest.Select(o => Reference(o.Reply.FallbackText)));
    }

    [Fact]
    public async Task FailingCommandInBatch_RollsBackOnlyItself_AndIsAnsweredWithTheProblem()
    {
        using var h = await new CoreHarness(configure: s => s.AddSingleton<IInterceptor, ExplodingResolution>()).WithTeamAsync();
        var batches = new List<int>();
        var rest = await HoldFirstBatchAsync(h, batches, () =>
        [
            h.QueueAsync("jo", "resolved \"before\""),
            h.QueueAsync("jo", "resolved \"explode\""),
            h.QueueAsync("jo", "decide Waive fees"), // rejected: frontline cannot decide
            h.QueueAsync("jo", "resolved \"after\""),
        ]);

        Assert.Equal([1, 4], batches);
        Assert.Contains("something went wrong on my side and nothing was recorded", rest[1].Reply.FallbackText);
        Assert.Contains("Only executives", rest[2].Reply.FallbackText);
        await using var db = h.Db();
        Assert.Equal(["first", "before", "after"], await db.Resolutions.OrderBy(r => r.Id).Select(r => r.What).ToListAsync());
        Assert.Equal(3, await db.AuditTrail.CountAsync(a => a.Action == "resolution.logged"));
        var failed = await db.ReceivedCommands.SingleAsync(r => r.Text == "resolved \"explode\"");
        Assert.NotNull(failed.HandledAt);
        Assert.Contains("nothing was recorded", failed.ReplyJson);
    }

    [Fact]
    public async Task DuplicateDelivery_InOneBatchAndRetriedLater_RunsOnce_AnsweredAlike()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var batches = new List<int>();
        var rest = await HoldFirstBatchAsync(h, batches, () =>
        [
            h.QueueAsync("jo", "resolved \"refund\"", deliveryId: "cmd:T1"),
            h.QueueAsync("jo", "resolved \"refund\"", deliveryId: "cmd:T1"),
        ]);
        var retry = await h.QueueAsync("jo", "resolved \"refund\"", deliveryId: "cmd:T1");

        Assert.Equal([true, false, false], new[] { rest[0].Fresh, rest[1].Fresh, retry.Fresh });
        Assert.Equal(rest[0].Reply.FallbackText, rest[1].Reply.FallbackText);
        Assert.Equal(rest[0].Reply.FallbackText, retry.Reply.FallbackText);
        await using var db = h.Db();
        Assert.Equal(1, await db.Resolutions.CountAsync(r => r.What == "refund"));
        Assert.Equal(1, await db.ReceivedCommands.CountAsync(r => r.DeliveryId == "cmd:T1"));
    }

    [Fact]
    public async Task BeforeTheCommit_NothingIsAnsweredAndNothingIsVisible_SoACrashThenLosesNothingAcknowledged()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        long inboxBefore;
        await using (var db = h.Db()) inboxBefore = await db.ReceivedCommands.LongCountAsync();
        var queued = new TaskCompletionSource<Task<CommandOutcome>>();
        (bool Answered, long Resolutions, long Inbox)? atCommit = null;
        h.Writer.BeforeCommit = async _ =>
        {
            var command = await queued.Task;
            // What another process (or this one after a power cut) would find in the database right now: another connection.
            await using var other = h.Db();
            atCommit = (command.IsCompleted, await other.Resolutions.LongCountAsync(), await other.ReceivedCommands.LongCountAsync());
        };

        var one = h.QueueAsync("jo", "resolved \"one\"");
        queued.SetResult(one);
        await one;

        Assert.Equal((false, 0L, inboxBefore), atCommit);
        await using var after = h.Db();
        Assert.Equal(1, await after.Resolutions.CountAsync());
        Assert.Equal(inboxBefore + 1, await after.ReceivedCommands.LongCountAsync());
    }

    [Fact]
    public async Task BatchThatFailsToCommit_EachCommandRunsAgainAlone_StoredOnce()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var batches = new List<int>();
        var failOnce = true;
        var rest = await HoldFirstBatchAsync(h, batches, () => Enumerable.Range(1, 5).Select(i => h.QueueAsync("jo", $"resolved \"fix {i}\"")).ToList(),
            atCommit: size =>
            {
                if (size > 1 && failOnce) { failOnce = false; throw new IOException("disk I/O error"); }
            });

        Assert.Equal([1, 5, 1, 1, 1, 1, 1], batches); // the failed batch of five, then each alone
        Assert.All(rest, o => Assert.Contains("Logged", o.Reply.FallbackText));
        await using var db = h.Db();
        Assert.Equal(6, await db.Resolutions.CountAsync());
        Assert.Equal(6, await db.ReceivedCommands.CountAsync(r => r.Text.StartsWith("resolved")));
    }

    /// <summary>Queues "first", holds its batch at the commit while <paramref name="queueRest"/> queues more, then lets go.</summary>
    /// <param name="atCommit">Also runs at every commit, after the batch size is noted (it may throw to fail the batch).</param>
    static async Task<CommandOutcome[]> HoldFirstBatchAsync(CoreHarness h, List<int> batches, Func<List<Task<CommandOutcome>>> queueRest,
        Action<int>? atCommit = null)
    {
        var held = new TaskCompletionSource();
        var gate = new TaskCompletionSource();
        h.Writer.BeforeCommit = async size =>
        {
            lock (batches) batches.Add(size);
            atCommit?.Invoke(size);
            if (!held.Task.IsCompleted)
            {
                held.SetResult();
                await gate.Task;
            }
        };
        var first = h.QueueAsync("jo", "resolved \"first\"");
        await held.Task;
        var rest = queueRest();
        gate.SetResult();
        Assert.True((await first).Fresh);
        return await Task.WhenAll(rest);
    }

    static string Reference(string text) => text.Split(' ').First(w => w.StartsWith("R-", StringComparison.Ordinal)).TrimEnd(':');

    /// <summary>A write that fails inside the database layer, as a full disk or a broken constraint would.</summary>
    sealed class ExplodingResolution : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default) =>
            eventData.Context!.ChangeTracker.Entries<Resolution>().Any(e => e.Entity.What == "explode")
                ? throw new InvalidOperationException("simulated write failure")
                : base.SavingChangesAsync(eventData, result, ct);
    }
}
