namespace AccountabilityBot.Web.Teams;

/// <summary>
/// Paces posts to each Teams conversation under the documented per-bot, per-thread limits (7 per second, 8 per
/// 2 seconds, 60 per 30 seconds, 1,800 per hour), and all of the bot's calls under the per-app, per-tenant 50 a
/// second (with a margin) (one bucket for every tenant, which is stricter), so the bot waits its turn instead of collecting 429s.
/// </summary>
public sealed class ConversationRateLimiter(TimeProvider pacing)
{
    public static readonly (int Count, TimeSpan Window)[] Limits =
    [
        (7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1)),
    ];

    /// <summary>The key of the app-wide bucket.</summary>
    public const string AppWide = "*";

    /// <summary>
    /// Under the documented 50 a second, and evenly spaced (one per 20 ms): Teams counts requests as they arrive, and
    /// bursts sent at the edge of our window would arrive inside its window, each 429 costing a second of Retry-After.
    /// </summary>
    public static readonly (int Count, TimeSpan Window)[] AppWideLimits = [(1, TimeSpan.FromMilliseconds(20)), (47, TimeSpan.FromSeconds(1))];

    readonly Dictionary<string, List<DateTimeOffset>> sent = new(StringComparer.Ordinal);

    /// <summary>Books the earliest slot that keeps every window under its limit; returns how long to wait for it.</summary>
    public TimeSpan Reserve(string conversationId)
    {
        var now = pacing.GetUtcNow();
        lock (sent)
        {
            var limits = conversationId == AppWide ? AppWideLimits : Limits;
            if (!sent.TryGetValue(conversationId, out var slots)) sent[conversationId] = slots = [];
            // Only the longest window's slots matter: an hour of them per conversation, one second of them app-wide.
            slots.RemoveAll(t => t <= now - limits[^1].Window);
            // Slots are booked in order, so the n-th most recent one decides each window.
            var at = slots.Count > 0 && slots[^1] > now ? slots[^1] : now;
            foreach (var (count, window) in limits)
                if (slots.Count >= count && slots[^count] + window > at) at = slots[^count] + window;
            slots.Add(at);
            if (sent.Count > 10_000) Prune(now);
            return at - now;
        }
    }

    public async Task WaitAsync(string conversationId, CancellationToken ct)
    {
        var wait = Reserve(conversationId);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, pacing, ct);
    }

    /// <summary>How many booked slots are kept for a key (what pruning bounds).</summary>
    public int SlotsHeld(string conversationId)
    {
        lock (sent) return sent.TryGetValue(conversationId, out var slots) ? slots.Count : 0;
    }

    void Prune(DateTimeOffset now)
    {
        foreach (var key in sent.Where(kv => kv.Value.Count == 0 || kv.Value[^1] <= now - Limits[^1].Window).Select(kv => kv.Key).ToList())
            sent.Remove(key);
    }
}
