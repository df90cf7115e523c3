using System.Threading.Channels;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Commands;

/// <summary>
/// Group commit for chat commands. A durable commit (an fsync) costs more than the command itself, and SQLite takes one
/// writer at a time anyway, so commands that arrive together share one: a single writer takes everything queued (up to
/// <see cref="MaxBatch"/>), runs each under its own savepoint inside one transaction, commits once, and
/// only then answers the callers. So a command is durable before anyone is told it was done, a failing command rolls
/// back only itself (and is answered with the problem), a duplicate delivery is answered from the inbox, and a crash
/// before the commit loses only commands nobody was answered for. A command the database cannot take is answered
/// <see cref="OutcomeKind.NotStored"/>, never with an exception.
/// </summary>
public sealed class CommandWriter(IServiceScopeFactory scopes, ShownOnceMessages shownOnce, ILogger<CommandWriter> log)
{
    public const int MaxBatch = 64;

    /// <param name="Deferrals">How many times it was run again because another instance held it (<see cref="CommandOutcome.HeldElsewhere"/>).</param>
    sealed record Pending(InboundCommand Inbound, TaskCompletionSource<CommandOutcome> Done, int Deferrals = 0);

    readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    int writing;

    /// <summary>Test seam: runs with the batch size after every command of a batch ran, just before the commit.</summary>
    internal Func<int, Task>? BeforeCommit { get; set; }

    /// <summary>Queues the command; completes once it is durable (or known not to be stored).</summary>
    public Task<CommandOutcome> RunAsync(InboundCommand inbound)
    {
        // An id from the start, kept through a rerun: when a commit's answer is lost with the connection, the rerun finds
        // the command in the inbox if it was committed after all, and answers it from there instead of recording it again.
        inbound = inbound with { DeliveryId = inbound.DeliveryId ?? Guid.NewGuid().ToString("N") };
        var pending = new Pending(inbound, new TaskCompletionSource<CommandOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        queue.Writer.TryWrite(pending);
        StartWriterIfIdle();
        return pending.Done.Task;
    }

    // The first caller to find no writer running becomes it; no background service to start or stop.
    void StartWriterIfIdle()
    {
        if (Interlocked.CompareExchange(ref writing, 1, 0) == 0) _ = Task.Run(WriteAllAsync);
    }

    async Task WriteAllAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (true)
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0)
            {
                Volatile.Write(ref writing, 0);
                // A caller may have queued after the last read but seen the writer still running: look once more.
                if (!queue.Reader.TryPeek(out _) || Interlocked.CompareExchange(ref writing, 1, 0) != 0) return;
                continue;
            }
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    async Task WriteAsync(List<Pending> batch, bool again = false)
    {
        try
        {
            Complete(batch, await CommitAsync(batch));
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // The batch as a whole failed (the commit, or a command broke the transaction): nothing of it was stored,
            // or, if the connection was lost during the commit, all of it, which the inbox recognises on the rerun.
            // Each runs again alone, so one bad command costs only its own answer.
            if (DatabaseUnavailable.Is(ex))
                log.LogWarning("A batch of {Count} commands could not be stored ({Reason}); running them one by one",
                    batch.Count, DatabaseUnavailable.Reason(ex));
            else log.LogWarning(ex, "A batch of {Count} commands failed to commit; running them one by one", batch.Count);
            foreach (var one in batch) await WriteAsync([one]);
        }
        catch (Exception ex) when (!again && DatabaseUnavailable.ConnectionLost(ex))
        {
            // Once more on a new connection: the one taken from the pool may have died with a database restart that is
            // over (the provider drops the pool's other connections when one is found dead). A second failure stands.
            await WriteAsync(batch, again: true);
        }
        catch (Exception ex)
        {
            // The database away is the operator's to fix, one line a command; anything else is a bug, with its trace.
            if (DatabaseUnavailable.Is(ex))
                log.LogWarning("Command {DeliveryId} was not stored: the database is unavailable ({Reason})",
                    batch[0].Inbound.DeliveryId, DatabaseUnavailable.Reason(ex));
            else log.LogError(ex, "Command {DeliveryId} could not be stored", batch[0].Inbound.DeliveryId);
            BotMetrics.Command(batch[0].Inbound.Platform, OutcomeKind.NotStored);
            batch[0].Done.TrySetResult(CommandOutcome.NotStored(ex));
        }
    }

    async Task<List<CommandOutcome>> CommitAsync(List<Pending> batch)
    {
        // One scope (one DbContext, one connection) for the batch: a scope per command cost a noticeable share of the
        // writer's time. The use cases keep no state of their own, and each command starts with an empty change tracker.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<CommandDispatcher>();
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Database.AutoSavepointsEnabled = false; // each command has its own savepoint already
        var outcomes = new List<CommandOutcome>(batch.Count);
        foreach (var pending in batch)
        {
            db.ChangeTracker.Clear();
            outcomes.Add(await dispatcher.DispatchAsync(pending.Inbound, CancellationToken.None));
        }
        if (BeforeCommit is { } hook) await hook(batch.Count);
        await tx.CommitAsync();
        return outcomes;
    }

    void Complete(List<Pending> batch, List<CommandOutcome> outcomes)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var (inbound, outcome) = (batch[i].Inbound, outcomes[i]);
            if (outcome.HeldElsewhere && batch[i].Deferrals < MaxDeferrals)
            {
                RunAgainLater(batch[i]);
                continue;
            }
            // The one place an answer with a secret shown once is kept, by its delivery, for a follow-up that delivers
            // it later (see StoredReplies); the inbox row holds only its stored form.
            if (outcome.Fresh && inbound.DeliveryId is { } delivery) shownOnce.KeepReply(inbound.Platform, delivery, outcome.Reply);
            BotMetrics.Command(inbound.Platform, outcome.Kind);
            batch[i].Done.TrySetResult(outcome);
        }
    }

    /// <summary>
    /// A copy of a delivery another instance is storing: run again in a later batch, after this one's commit (which
    /// let go of this batch's claims), by when the other's commit is usually done and the copy is answered from the
    /// inbox. Waits a little longer each time, up to about <see cref="MaxDeferrals"/> tenths of a second in all.
    /// </summary>
    void RunAgainLater(Pending pending)
    {
        var delay = TimeSpan.FromMilliseconds(Math.Min(2 << Math.Min(pending.Deferrals, 6), 100));
        _ = Task.Delay(delay).ContinueWith(_ =>
        {
            queue.Writer.TryWrite(pending with { Deferrals = pending.Deferrals + 1 });
            StartWriterIfIdle();
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    const int MaxDeferrals = 100;
}
