using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Reviews;

/// <summary>Frontline resolutions of one range: by journey stage, and who resolved them (unordered).</summary>
public sealed record FrontlineSums(List<StageTally> Stages, List<Contributor> Contributors);

/// <summary>
/// Frontline resolutions between two instants, summed by the database in one pass by journey stage and person, so a busy
/// week (or the dashboard's twelve) reads a few grouped rows instead of every resolution. The review and the dashboard
/// both count through here.
/// </summary>
public sealed class FrontlineTally(AppDbContext db)
{
    public const string NoStage = "No stage";

    Dictionary<int, (string Name, int Position)>? stages;
    readonly Dictionary<int, Person> people = [];

    /// <param name="toUtc">Exclusive.</param>
    public async Task<FrontlineSums> RunAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rows = await db.Resolutions.AsNoTracking()
            .Where(r => r.At >= fromUtc && r.At < toUtc)
            .GroupBy(r => new { r.StageId, r.ById })
            .Select(g => new { g.Key.StageId, g.Key.ById, Count = g.Count(), Cost = g.Sum(r => r.Cost) })
            .ToListAsync(ct);
        if (rows.Count == 0) return new FrontlineSums([], []);
        stages ??= await db.JourneyStages.AsNoTracking().ToDictionaryAsync(s => s.Id, s => (s.Name, s.Position), ct);
        var missing = rows.Select(r => r.ById).Distinct().Where(id => !people.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (var m in await db.Members.AsNoTracking().Where(m => missing.Contains(m.Id)).ToListAsync(ct))
                people[m.Id] = Person.Of(m);
        var byStage = rows.GroupBy(r => r.StageId is { } id && stages.ContainsKey(id) ? id : (int?)null)
            .Select(g => g.Key is { } id
                ? new StageTally(stages[id].Name, stages[id].Position, g.Sum(r => r.Count), g.Sum(r => r.Cost ?? 0m))
                : new StageTally(NoStage, int.MaxValue, g.Sum(r => r.Count), g.Sum(r => r.Cost ?? 0m)));
        var byPerson = rows.GroupBy(r => r.ById).Select(g => new Contributor(people[g.Key], g.Sum(r => r.Count)));
        return new FrontlineSums([.. byStage], [.. byPerson]);
    }
}
