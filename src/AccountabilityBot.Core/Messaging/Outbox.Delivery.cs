using System.Diagnostics;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Messaging;

public enum DeliveryOutcome { Sent, Retrying, Failed, Dropped, NotMine }

public sealed partial class Outbox
{
    public const int MaxAttempts = 8;

    /// <summary>
    /// How long one job spends delivering before it leaves the rest to the next sweep, so no job outlives the job
    /// storage's invisibility timeout (Hangfire would then start it again on another worker).
    /// </summary>
    public static readonly TimeSpan DeliveryBudget = TimeSpan.FromMinutes(2);

    /// <summary>Sends a stored post unless another worker holds it or it is finished; records what happened.</summary>
    public async Task<DeliveryOutcome> DeliverAsync(long id, CancellationToken ct) =>
        (await DeliverBatchAsync([id], ct)).GetValueOrDefault(id, DeliveryOutcome.NotMine);

    /// <summary>Delivers up to <paramref name="max"/> posts that are waiting: never sent, due for a retry, or left by a dead worker.</summary>
    public async Task<int> DeliverDueAsync(int max, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var due = await Unfinished(db.OutboundMessages.AsNoTracking(), now)
            .Where(o => o.NextAttemptAt == null || o.NextAttemptAt <= now)
            .OrderBy(o => o.Id).Select(o => o.Id).Take(max).ToListAsync(ct);
        return await DeliverWithinBudgetAsync(due, ct);
    }

    async Task<int> DeliverWithinBudgetAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var sent = 0;
        foreach (var batch in ids.Chunk(settings.Concurrency * 4))
        {
            if (started.Elapsed > DeliveryBudget) break; // the sweeper picks up the rest
            sent += (await DeliverBatchAsync(batch, ct)).Values.Count(o => o == DeliveryOutcome.Sent);
        }
        return sent;
    }

    /// <summary>
    /// Leases what nobody else holds (one commit), sends it <see cref="OutboxSettings.Concurrency"/> at a time, and
    /// records every outcome (one commit). A send cut off by shutdown keeps its lease: once the lease runs out, the next
    /// worker treats that post as in doubt and asks the platform before sending it again.
    /// </summary>
    async Task<Dictionary<long, DeliveryOutcome>> DeliverBatchAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var (rows, inDoubtSince) = await LeaseAsync(ids, now, ct);
        using var gate = new SemaphoreSlim(settings.Concurrency);
        var outcomes = await Task.WhenAll(rows.Select(async row =>
        {
            await gate.WaitAsync(CancellationToken.None);
            try { return ct.IsCancellationRequested ? DeliveryOutcome.NotMine : await SendAsync(row, inDoubtSince.TryGetValue(row.Id, out var since) ? since : null, now, ct); }
            finally { gate.Release(); }
        }));

        var result = new Dictionary<long, DeliveryOutcome>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (outcomes[i] is not { } outcome) continue; // cut off mid-send: stays leased, so it is in doubt once the lease runs out
            Release(rows[i]);
            if (outcome != DeliveryOutcome.NotMine) result[rows[i].Id] = outcome;
        }
        await db.SaveChangesAsync(CancellationToken.None); // the outcomes must be recorded even if the job is being stopped
        ct.ThrowIfCancellationRequested();
        foreach (var failed in rows.Where(r => result.GetValueOrDefault(r.Id) == DeliveryOutcome.Failed))
            await ReportFailureAsync(failed, ct);
        return result;
    }

    /// <returns>The rows this call won, and for those whose previous lease ran out unfinished, when that lease began.</returns>
    async Task<(List<OutboundMessage> Rows, Dictionary<long, DateTime> InDoubtSince)> LeaseAsync(
        IReadOnlyCollection<long> ids, DateTime now, CancellationToken ct)
    {
        var abandoned = await db.OutboundMessages.AsNoTracking()
            .Where(o => ids.Contains(o.Id) && o.LeaseUntil != null && o.LeaseUntil < now)
            .Select(o => new { o.Id, Since = o.LeasedAt ?? o.CreatedAt }).ToDictionaryAsync(o => o.Id, o => o.Since, ct);
        var token = Guid.NewGuid().ToString("N");
        var leased = await Unfinished(db.OutboundMessages.Where(o => ids.Contains(o.Id)), now).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.LeaseUntil, now + settings.Lease)
            .SetProperty(o => o.LeasedAt, o => o.LeaseUntil != null && o.LeasedAt != null ? o.LeasedAt : now) // a doubt reaches back to the first lease
            .SetProperty(o => o.LeaseToken, token), ct);
        if (leased == 0) return ([], []);

        // ExecuteUpdate bypasses the change tracker: rows this context already tracks (just claimed) are read afresh.
        foreach (var entry in db.ChangeTracker.Entries<OutboundMessage>().Where(e => ids.Contains(e.Entity.Id)).ToList())
            entry.State = EntityState.Detached;
        var rows = await db.OutboundMessages.Where(o => o.LeaseToken == token).OrderBy(o => o.Id).ToListAsync(ct);
        return (rows, abandoned.Where(a => rows.Any(r => r.Id == a.Key)).ToDictionary());
    }

    /// <summary>Not finished, and nobody holds a live lease on it.</summary>
    static IQueryable<OutboundMessage> Unfinished(IQueryable<OutboundMessage> rows, DateTime now) =>
        rows.Where(o => o.SentAt == null && o.FailedAt == null && o.DroppedAt == null && (o.LeaseUntil == null || o.LeaseUntil < now));

    static void Release(OutboundMessage row)
    {
        row.LeaseUntil = null;
        row.LeasedAt = null;
        row.LeaseToken = null;
    }

    /// <returns>What happened, or null when the send was cut off by shutdown and its outcome is unknown.</returns>
    async Task<DeliveryOutcome?> SendAsync(OutboundMessage row, DateTime? inDoubtSince, DateTime now, CancellationToken ct)
    {
        var to = new ChatAddress(row.Platform, row.ConversationId);
        var tag = row.IdempotencyKey ?? $"outbox:{row.Id}";
        // Each send gets its own scope: platform senders may use a database context, which is not shared across threads.
        await using var scope = scopes.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<IChatSender>();
        try
        {
            if (row.NotAfter is { } deadline && deadline < now)
            {
                row.DroppedAt = now;
                row.Error = "stale: its moment passed before it could be sent";
                log.LogWarning("Dropped stale {Kind} post {Id} to {Conversation}; it was due by {Deadline:u}", row.Kind, row.Id, row.ConversationId, deadline);
                return DeliveryOutcome.Dropped;
            }
            if (inDoubtSince is { } since)
            {
                bool? posted;
                try { posted = await platform.HasPostedAsync(to, tag, since, ct); }
                catch (ChatDeliveryException ex) when (!ex.Permanent)
                {
                    log.LogWarning("Could not yet ask whether in-doubt {Kind} post {Id} arrived: {Error}", row.Kind, row.Id, ex.PlatformError);
                    return null; // still in doubt: asked again once this lease runs out
                }
                log.LogWarning("{Kind} post {Id} to {Conversation} was in doubt after its sender stopped: {Finding}", row.Kind, row.Id, row.ConversationId,
                    posted switch { true => "it had arrived, so it is not sent again", false => "it had not arrived, so it is sent now",
                        null => "the platform cannot say, so it is sent again and may arrive twice" });
                if (posted == true) return MarkSent(row);
            }
            row.Attempts++;
            var sentTo = await platform.SendAsync(to, MessageJson.Deserialize(row.MessageJson), tag, ct);
            row.ConversationId = sentTo.ConversationId; // a member's DM, now found
            return MarkSent(row);
        }
        catch (ChatDeliveryException ex) when (ex.Permanent || row.Attempts >= MaxAttempts)
        {
            row.FailedAt = clock.UtcNow();
            row.Error = Clip($"{ex.PlatformError}: {ex.Advice}");
            log.LogError("Gave up on {Kind} post {Id} to {Conversation}: {Error}", row.Kind, row.Id, row.ConversationId, ex.PlatformError);
            return DeliveryOutcome.Failed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            var wait = (ex as ChatDeliveryException)?.RetryAfter ?? Backoff(Math.Max(row.Attempts, 1));
            row.NextAttemptAt = clock.UtcNow() + wait;
            row.Error = Clip(ex.Message);
            log.LogWarning("Will retry {Kind} post {Id} to {Conversation} in {Wait}: {Error}", row.Kind, row.Id, row.ConversationId, wait, ex.Message);
            return DeliveryOutcome.Retrying;
        }
    }

    DeliveryOutcome MarkSent(OutboundMessage row)
    {
        row.SentAt = clock.UtcNow();
        row.Error = null;
        return DeliveryOutcome.Sent;
    }

    /// <summary>30 s, 1 min, 2 min … capped at 30 min, with jitter so a recovering platform is not hit all at once.</summary>
    static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(1800, 30 * Math.Pow(2, attempts - 1)) * (0.8 + Random.Shared.NextDouble() * 0.4));

    static string Clip(string s) => s.Length <= 500 ? s : s[..500];
}
