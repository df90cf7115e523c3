using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Messaging;

public enum DeliveryOutcome { Sent, Retrying, Failed, Dropped, NotMine }

public sealed partial class Outbox
{
    /// <summary>Long enough for one send with the platform's own pacing; a crashed worker's lease simply runs out.</summary>
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    public const int MaxAttempts = 8;

    /// <summary>Sends a stored post unless another worker holds it or it is finished; records what happened.</summary>
    public async Task<DeliveryOutcome> DeliverAsync(long id, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var until = now + Lease;
        var leased = await db.OutboundMessages
            .Where(o => o.Id == id && o.SentAt == null && o.FailedAt == null && o.DroppedAt == null
                && (o.LeaseUntil == null || o.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntil, until), ct);
        if (leased == 0) return DeliveryOutcome.NotMine;

        // ExecuteUpdate bypasses the change tracker: a row this context already tracks must be re-read.
        var row = db.OutboundMessages.Local.FirstOrDefault(o => o.Id == id);
        if (row is null) row = await db.OutboundMessages.SingleAsync(o => o.Id == id, ct);
        else await db.Entry(row).ReloadAsync(ct);
        var outcome = await SendAsync(row, now, ct);
        row.LeaseUntil = null;
        await db.SaveChangesAsync(CancellationToken.None); // the outcome must be recorded even if the job is being stopped
        if (outcome == DeliveryOutcome.Failed) await ReportFailureAsync(row, ct);
        return outcome;
    }

    /// <summary>
    /// How long one job spends delivering before it leaves the rest to the next sweep, so no job outlives the job
    /// storage's invisibility timeout (Hangfire would then start it again on another worker).
    /// </summary>
    public static readonly TimeSpan DeliveryBudget = TimeSpan.FromMinutes(2);

    async Task<int> DeliverWithinBudgetAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var sent = 0;
        foreach (var id in ids)
        {
            if (started.Elapsed > DeliveryBudget) break; // the sweeper picks up the rest
            if (await DeliverAsync(id, ct) == DeliveryOutcome.Sent) sent++;
        }
        return sent;
    }

    /// <summary>Delivers up to <paramref name="max"/> posts that are waiting: never sent, or due for a retry.</summary>
    public async Task<int> DeliverDueAsync(int max, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var due = await db.OutboundMessages.AsNoTracking()
            .Where(o => o.SentAt == null && o.FailedAt == null && o.DroppedAt == null
                && (o.NextAttemptAt == null || o.NextAttemptAt <= now) && (o.LeaseUntil == null || o.LeaseUntil < now))
            .OrderBy(o => o.Id).Select(o => o.Id).Take(max).ToListAsync(ct);
        return await DeliverWithinBudgetAsync(due, ct);
    }

    async Task<DeliveryOutcome> SendAsync(OutboundMessage row, DateTime now, CancellationToken ct)
    {
        if (row.NotAfter is { } deadline && deadline < now)
        {
            row.DroppedAt = now;
            row.Error = "stale: its moment passed before it could be sent";
            log.LogWarning("Dropped stale {Kind} post {Id} to {Conversation}; it was due by {Deadline:u}", row.Kind, row.Id, row.ConversationId, deadline);
            return DeliveryOutcome.Dropped;
        }
        row.Attempts++;
        try
        {
            await sender.SendAsync(new ChatAddress(row.Platform, row.ConversationId), MessageJson.Deserialize(row.MessageJson), ct);
            row.SentAt = clock.UtcNow();
            row.Error = null;
            return DeliveryOutcome.Sent;
        }
        catch (ChatDeliveryException ex) when (ex.Permanent || row.Attempts >= MaxAttempts)
        {
            row.FailedAt = clock.UtcNow();
            row.Error = Clip($"{ex.PlatformError}: {ex.Advice}");
            log.LogError("Gave up on {Kind} post {Id} to {Conversation}: {Error}", row.Kind, row.Id, row.ConversationId, ex.PlatformError);
            return DeliveryOutcome.Failed;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var wait = (ex as ChatDeliveryException)?.RetryAfter ?? Backoff(row.Attempts);
            row.NextAttemptAt = clock.UtcNow() + wait;
            row.Error = Clip(ex.Message);
            log.LogWarning("Will retry {Kind} post {Id} to {Conversation} in {Wait}: {Error}", row.Kind, row.Id, row.ConversationId, wait, ex.Message);
            return DeliveryOutcome.Retrying;
        }
    }

    /// <summary>30 s, 1 min, 2 min … capped at 30 min, with jitter so a recovering platform is not hit all at once.</summary>
    static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(1800, 30 * Math.Pow(2, attempts - 1)) * (0.8 + Random.Shared.NextDouble() * 0.4));

    static string Clip(string s) => s.Length <= 500 ? s : s[..500];
}
