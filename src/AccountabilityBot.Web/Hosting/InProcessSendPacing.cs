namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// The pacing of one instance (SQLite): every key keeps the moments it booked, as long as its longest window, and a
/// send takes the earliest moment at which each window still has room, exactly. Several keys are booked together at
/// one moment, so a send waits for the strictest of them.
/// </summary>
public sealed class InProcessSendPacing(TimeProvider clock) : ISendPacing
{
    sealed class Lane
    {
        public readonly List<DateTimeOffset> Slots = [];
        public DateTimeOffset HeldUntil;
        public TimeSpan Longest;
    }

    readonly Dictionary<string, Lane> lanes = new(StringComparer.Ordinal);

    public Task<TimeSpan> BookAsync(IReadOnlyList<PaceLimit> limits, CancellationToken ct) => Task.FromResult(Reserve(limits));

    /// <summary>Books the earliest moment that keeps every window under its count; returns how long to wait for it.</summary>
    public TimeSpan Reserve(IReadOnlyList<PaceLimit> limits)
    {
        var now = clock.GetUtcNow();
        lock (lanes)
        {
            var at = now;
            var booked = new List<Lane>();
            foreach (var byKey in limits.GroupBy(l => l.Key, StringComparer.Ordinal))
            {
                var lane = LaneOf(byKey.Key);
                lane.Longest = byKey.Max(l => l.Window);
                // Only the longest window's moments matter: an hour of them for a Teams conversation, one second app-wide.
                lane.Slots.RemoveAll(t => t <= now - lane.Longest);
                // Moments are booked in order, so the n-th most recent one decides each window.
                if (lane.Slots.Count > 0 && lane.Slots[^1] > at) at = lane.Slots[^1];
                if (lane.HeldUntil > at) at = lane.HeldUntil;
                foreach (var limit in byKey)
                    if (limit.Count > 0 && lane.Slots.Count >= limit.Count && lane.Slots[^limit.Count] + limit.Window > at)
                        at = lane.Slots[^limit.Count] + limit.Window;
                booked.Add(lane);
            }
            foreach (var lane in booked) lane.Slots.Add(at);
            if (lanes.Count > 10_000) Prune(now);
            return at - now;
        }
    }

    public Task HoldAsync(IReadOnlyList<PaceLimit> limits, TimeSpan wait, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + wait;
        lock (lanes)
            foreach (var key in limits.Select(l => l.Key).Distinct(StringComparer.Ordinal))
            {
                var lane = LaneOf(key);
                if (lane.HeldUntil < until) lane.HeldUntil = until;
            }
        return Task.CompletedTask;
    }

    /// <summary>How many booked moments are kept for a key (what pruning bounds).</summary>
    public int SlotsHeld(string key)
    {
        lock (lanes) return lanes.TryGetValue(key, out var lane) ? lane.Slots.Count : 0;
    }

    Lane LaneOf(string key)
    {
        if (!lanes.TryGetValue(key, out var lane)) lanes[key] = lane = new Lane();
        return lane;
    }

    void Prune(DateTimeOffset now)
    {
        foreach (var (key, _) in lanes.Where(kv => kv.Value.HeldUntil <= now
                     && (kv.Value.Slots.Count == 0 || kv.Value.Slots[^1] <= now - kv.Value.Longest)).ToList())
            lanes.Remove(key);
    }
}
