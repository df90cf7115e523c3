using System.Diagnostics;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Messaging;

/// <summary>
/// What became of a post; <see cref="Held"/>: its platform is paused, or its member is in quiet hours or away, so it waits,
/// unfinished, without an attempt counted.
/// </summary>
public enum DeliveryOutcome { Sent, Retrying, Failed, Dropped, NotMine, Held }

public sealed partial class Outbox
{
    public const int MaxAttempts = 8;

    /// <summary>
    /// How long one job spends delivering before it leaves the rest to the next sweep, so no job outlives the job
    /// storage's invisibility timeout (Hangfire would then start it again on another worker).
    /// </summary>
    public static readonly TimeSpan DeliveryBudget = TimeSpan.FromMinutes(2);

    /// <summary>Outcomes waiting to be recorded are committed together once this many have come in (or in-flight ones run out).</summary>
    int CommitEvery => settings.Concurrency;

    /// <summary>Sends a stored post unless another worker holds it or it is finished; records what happened.</summary>
    public async Task<DeliveryOutcome> DeliverAsync(long id, CancellationToken ct) =>
        (await DeliverWithinBudgetAsync([id], ct)).GetValueOrDefault(id, DeliveryOutcome.NotMine);

    /// <summary>
    /// Delivers up to <paramref name="max"/> posts that are waiting: never sent, due for a retry, or left by a dead worker;
    /// not those held for a paused platform.
    /// </summary>
    public async Task<int> DeliverDueAsync(int max, CancellationToken ct) =>
        (await DeliverWithinBudgetAsync(await DueAsync(db.OutboundMessages.AsNoTracking(), max, ct), ct)).Values.Count(o => o == DeliveryOutcome.Sent);

    /// <summary>Once a paused platform works again: delivers what was held for it, dropping what went stale meanwhile.</summary>
    /// <returns>How many were sent and how many dropped (more may follow with the next sweep).</returns>
    public async Task<(int Sent, int Dropped)> DeliverHeldAsync(ChatPlatform platform, int max, CancellationToken ct)
    {
        var due = await DueAsync(db.OutboundMessages.AsNoTracking().Where(o => o.Platform == platform), max, ct);
        var outcomes = (await DeliverWithinBudgetAsync(due, ct)).Values;
        return (outcomes.Count(o => o == DeliveryOutcome.Sent), outcomes.Count(o => o == DeliveryOutcome.Dropped));
    }

    async Task<List<long>> DueAsync(IQueryable<OutboundMessage> rows, int max, CancellationToken ct)
    {
        var now = clock.UtcNow();
        return await Deliverable(rows, now).Where(o => o.NextAttemptAt == null || o.NextAttemptAt <= now)
            .OrderBy(o => o.Id).Select(o => o.Id).Take(max).ToListAsync(ct);
    }

    /// <summary>
    /// A pipeline: keeps <see cref="OutboxSettings.Concurrency"/> sends in flight, leasing the next few posts before
    /// the last ones run out (one commit per lease) and recording outcomes a handful at a time (one commit each), so
    /// the platform's rate limit, not our bookkeeping, sets the pace. Only this loop touches the database context;
    /// sends report what happened and the loop records it. Stopping (<paramref name="ct"/>) ends the taking of new work
    /// at once, but sends under way are not cut off with it: they get <see cref="OutboxSettings.Drain"/> to finish, so a
    /// clean shutdown leaves no post in doubt. Only one still sending after that keeps its lease: once the lease runs
    /// out, the next worker treats it as in doubt and asks the platform before sending it again.
    /// </summary>
    async Task<Dictionary<long, DeliveryOutcome>> DeliverWithinBudgetAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var waiting = new Queue<long>(ids);
        var leased = new Queue<(OutboundMessage Row, DateTime? InDoubtSince, Recipient? Recipient)>();
        var inFlight = new Dictionary<Task<SendResult>, OutboundMessage>();
        var outcomes = new Dictionary<long, DeliveryOutcome>();
        var failed = new List<OutboundMessage>();
        var unrecorded = 0;
        bool MayStart() => started.Elapsed < DeliveryBudget && !ct.IsCancellationRequested; // the sweeper picks up the rest
        using var drain = new CancellationTokenSource();
        await using var draining = ct.Register(() =>
        {
            if (settings.Drain > TimeSpan.Zero) drain.CancelAfter(settings.Drain);
            else drain.Cancel(); // no time to drain: sends under way are cut off with the stop
        });

        while (true)
        {
            while (leased.Count < settings.Concurrency && waiting.Count > 0 && MayStart()) // another host may hold a whole chunk
            {
                var chunk = await LeaseAsync(Take(waiting, settings.Concurrency * 4), CancellationToken.None);
                var recipients = await RecipientsAsync(chunk.Select(p => p.Row), CancellationToken.None);
                foreach (var (row, inDoubtSince) in chunk) leased.Enqueue((row, inDoubtSince, recipients.GetValueOrDefault(row.Id)));
            }
            while (inFlight.Count < settings.Concurrency && leased.Count > 0 && MayStart())
            {
                var (row, inDoubtSince, recipient) = leased.Dequeue();
                inFlight[SendWithinLeaseAsync(row, inDoubtSince, recipient, drain.Token)] = row;
            }
            if (inFlight.Count == 0) break;

            await Task.WhenAny(inFlight.Keys);
            foreach (var done in inFlight.Keys.Where(t => t.IsCompleted).ToList())
            {
                var row = inFlight[done];
                inFlight.Remove(done);
                var result = await done;
                result.Record(row);
                unrecorded++;
                if (result.Outcome is not { } outcome)
                {
                    if (result.Untouched) Release(row); // nothing left the process: whoever comes next sends it, without doubt
                    continue; // cut off mid-send: stays leased, so it is in doubt once the lease runs out
                }
                Release(row);
                outcomes[row.Id] = outcome;
                BotMetrics.Post(row.Platform, outcome);
                if (row.SentAt is { } sentAt && outcome == DeliveryOutcome.Sent) BotMetrics.Sent(row.Platform, sentAt - row.CreatedAt);
                if (outcome is not (DeliveryOutcome.Retrying or DeliveryOutcome.Held)) shownOnce.Forget(Tag(row));
                if (outcome == DeliveryOutcome.Failed) failed.Add(row);
            }
            if (unrecorded >= CommitEvery || inFlight.Count == 0)
            {
                await db.SaveChangesAsync(CancellationToken.None); // outcomes are recorded even if the job is being stopped
                unrecorded = 0;
            }
        }
        foreach (var (row, _, _) in leased) Release(row); // leased but never started
        await db.SaveChangesAsync(CancellationToken.None);
        ct.ThrowIfCancellationRequested();
        foreach (var row in failed) await ReportFailureAsync(row, ct);
        return outcomes;
    }

    /// <summary>
    /// A send still running when its lease ends could be taken over by another worker and sent twice, so it is cut off
    /// shortly before (after long Retry-After waits, say). It is then in doubt, as after a crash; so is one still running
    /// when a shutdown's drain time ends. Cut off before anything left the process, it is simply released.
    /// </summary>
    async Task<SendResult> SendWithinLeaseAsync(OutboundMessage row, DateTime? inDoubtSince, Recipient? recipient, CancellationToken ct)
    {
        var left = row.LeaseUntil!.Value - clock.UtcNow() - settings.Lease / 8;
        using var leaseEnds = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, clock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, leaseEnds.Token);
        var result = await SendAsync(row, inDoubtSince, recipient, stop.Token);
        if (result is { Outcome: null, Untouched: false } && stop.IsCancellationRequested)
        {
            BotMetrics.PostInDoubt(row.Platform);
            log.LogWarning("{Kind} post {Id} to {Conversation} was still sending as {Reason}; it is in doubt until its lease runs out",
                row.Kind, row.Id, row.ConversationId, ct.IsCancellationRequested ? "the shutdown's drain time ran out" : "its lease ended");
        }
        return result;
    }

    static List<long> Take(Queue<long> queue, int count)
    {
        var taken = new List<long>();
        while (taken.Count < count && queue.TryDequeue(out var id)) taken.Add(id);
        return taken;
    }

    /// <returns>The rows this call won, each with, if its previous lease ran out unfinished, when that lease began.</returns>
    async Task<List<(OutboundMessage Row, DateTime? InDoubtSince)>> LeaseAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var abandoned = await db.OutboundMessages.AsNoTracking()
            .Where(o => ids.Contains(o.Id) && o.LeaseUntil != null && o.LeaseUntil < now)
            .Select(o => new { o.Id, Since = o.LeasedAt ?? o.CreatedAt }).ToDictionaryAsync(o => o.Id, o => o.Since, ct);
        var token = Guid.NewGuid().ToString("N");
        var leased = await Deliverable(db.OutboundMessages.Where(o => ids.Contains(o.Id)), now).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.LeaseUntil, now + settings.Lease)
            .SetProperty(o => o.LeasedAt, o => o.LeaseUntil != null && o.LeasedAt != null ? o.LeasedAt : now) // a doubt reaches back to the first lease
            .SetProperty(o => o.LeaseToken, token), ct);
        if (leased == 0) return [];

        // ExecuteUpdate bypasses the change tracker: rows this context already tracks (just claimed) are read afresh.
        foreach (var entry in db.ChangeTracker.Entries<OutboundMessage>().Where(e => ids.Contains(e.Entity.Id)).ToList())
            entry.State = EntityState.Detached;
        var rows = await db.OutboundMessages.Where(o => o.LeaseToken == token).OrderBy(o => o.Id).ToListAsync(ct);
        return rows.Select(r => (r, abandoned.TryGetValue(r.Id, out var since) ? since : (DateTime?)null)).ToList();
    }

    /// <summary>
    /// Not finished, nobody holds a live lease on it, not held until later (a DM in its member's quiet hours), and its
    /// platform is not paused (held posts are left alone).
    /// </summary>
    IQueryable<OutboundMessage> Deliverable(IQueryable<OutboundMessage> rows, DateTime now)
    {
        var unfinished = rows.Where(o => o.SentAt == null && o.FailedAt == null && o.DroppedAt == null && (o.LeaseUntil == null || o.LeaseUntil < now)
            && (o.NotBefore == null || o.NotBefore <= now));
        var paused = pauses.Paused;
        return paused.Count == 0 ? unfinished : unfinished.Where(o => !paused.Contains(o.Platform));
    }

    static void Release(OutboundMessage row)
    {
        row.LeaseUntil = null;
        row.LeasedAt = null;
        row.LeaseToken = null;
    }
}
