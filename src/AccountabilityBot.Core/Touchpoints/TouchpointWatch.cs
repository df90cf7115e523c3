using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Touchpoints;

/// <summary>A touchpoint (with its stage and owner loaded) and where it stands.</summary>
public sealed record TouchpointStatus(Touchpoint Touchpoint, TouchpointTrend Trend);

/// <summary>
/// Every touchpoint and its trend, whatever the history: the touchpoints, each one's latest day (from the (touchpoint,
/// day) index), and only the values inside each one's window.
/// </summary>
public sealed class TouchpointWatch(AppDbContext db, TimeProvider clock, BotSettings settings)
{
    /// <param name="tracked">True when the caller will change the touchpoints (their alert state).</param>
    public async Task<IReadOnlyList<TouchpointStatus>> StatusesAsync(CancellationToken ct, bool tracked = false) =>
        await LoadAsync(db, clock.Today(await TeamZone.FindAsync(db, settings, ct)), tracked, ct);

    /// <summary>Every touchpoint as of today in the team's zone, with who fixes it (see the static ViewsAsync).</summary>
    public async Task<List<TouchpointView>> ViewsAsync(CancellationToken ct) =>
        await ViewsAsync(db, clock.Today(await TeamZone.FindAsync(db, settings, ct)), ct);

    /// <summary>Where every touchpoint stands on <paramref name="today"/> (the review's own day, for the weekly review).</summary>
    public static async Task<IReadOnlyList<TouchpointStatus>> LoadAsync(AppDbContext db, DateOnly today, bool tracked, CancellationToken ct)
    {
        var query = db.Touchpoints.Include(t => t.Owner).Include(t => t.Stage).OrderBy(t => t.Stage.Position).ThenBy(t => t.Name);
        var touchpoints = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        if (touchpoints.Count == 0) return [];
        var latest = await db.TouchpointValues.AsNoTracking().GroupBy(v => v.TouchpointId)
            .Select(g => new { Id = g.Key, On = g.Max(v => v.On) }).ToDictionaryAsync(x => x.Id, x => x.On, ct);
        // Windows end at each touchpoint's latest day. Touchpoints fed together share that day, so one query per distinct
        // window start reads only values inside windows, however long the history or stale a touchpoint.
        var windows = new Dictionary<int, List<(DateOnly On, decimal Value)>>();
        foreach (var group in latest.GroupBy(x => x.Value.AddDays(1 - TouchpointTrend.WindowDays), x => x.Key))
        {
            var (from, ids) = (group.Key, group.ToList());
            var rows = await db.TouchpointValues.AsNoTracking().Where(v => ids.Contains(v.TouchpointId) && v.On >= from)
                .OrderBy(v => v.On).Select(v => new { v.TouchpointId, v.On, v.Value }).ToListAsync(ct);
            foreach (var r in rows) (windows.TryGetValue(r.TouchpointId, out var w) ? w : windows[r.TouchpointId] = []).Add((r.On, r.Value));
        }
        return touchpoints.Select(t => new TouchpointStatus(t, TouchpointTrend.Of(t, windows.GetValueOrDefault(t.Id) ?? [], today))).ToList();
    }

    /// <summary>Every touchpoint as of <paramref name="today"/>, with the open commitment that fixes it (the earliest due), for
    /// the review's Reliability watch and the dashboard.</summary>
    public static async Task<List<TouchpointView>> ViewsAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var statuses = await LoadAsync(db, today, tracked: false, ct);
        if (statuses.Count == 0) return [];
        var fixes = (await db.Commitments.AsNoTracking()
                .Where(c => c.TouchpointId != null && c.Status != CommitmentStatus.Done && c.Status != CommitmentStatus.Dropped)
                .OrderBy(c => c.DueOn).ThenBy(c => c.Id)
                .Select(c => new { TouchpointId = c.TouchpointId!.Value, Fix = new FixView(c.Id,
                    new Person(c.Owner.Platform, c.Owner.PlatformUserId, c.Owner.DisplayName), c.DueOn) })
                .ToListAsync(ct))
            .GroupBy(c => c.TouchpointId).ToDictionary(g => g.Key, g => g.First().Fix);
        return [.. statuses.Select(s => TouchpointView.Of(s) with { Fix = fixes.GetValueOrDefault(s.Touchpoint.Id) })];
    }
}
