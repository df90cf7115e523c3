using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Reviews;

/// <summary>
/// Frontline resolutions between two instants, summed by the database by journey stage and by who resolved them, so a
/// busy week (or the dashboard's twelve) reads a few grouped rows instead of every resolution. The review and the
/// dashboard both count through here.
/// </summary>
public sealed class FrontlineTally(AppDbContext db)
{
    public const string NoStage = "No stage";

    Dictionary<int, (string Name, int Position)>? stages;

    /// <param name="toUtc">Exclusive.</param>
    public async Task<List<StageTally>> ByStageAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rows = await db.Resolutions.AsNoTracking()
            .Where(r => r.At >= fromUtc && r.At < toUtc)
            .GroupBy(r => r.StageId)
            .Select(g => new { StageId = g.Key, Count = g.Count(), Cost = g.Sum(r => r.Cost) })
            .ToListAsync(ct);
        if (rows.Count == 0) return [];
        stages ??= await db.JourneyStages.AsNoTracking().ToDictionaryAsync(s => s.Id, s => (s.Name, s.Position), ct);
        return [.. rows.Select(r => r.StageId is { } id && stages.TryGetValue(id, out var stage)
            ? new StageTally(stage.Name, stage.Position, r.Count, r.Cost ?? 0m)
            : new StageTally(NoStage, int.MaxValue, r.Count, r.Cost ?? 0m))];
    }

    /// <summary>Everyone who resolved something in the range, with how many; unordered.</summary>
    /// <param name="toUtc">Exclusive.</param>
    public async Task<List<Contributor>> ContributorsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rows = await db.Resolutions.AsNoTracking()
            .Where(r => r.At >= fromUtc && r.At < toUtc)
            .GroupBy(r => r.ById)
            .Select(g => new { ById = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.ById).ToList();
        var people = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new Person(m.Platform, m.PlatformUserId, m.DisplayName), ct);
        return [.. rows.Select(r => new Contributor(people[r.ById], r.Count))];
    }
}
