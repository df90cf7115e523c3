using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>One week of frontline resolutions, by journey stage.</summary>
public sealed record FrontlineWeek(DateOnly From, DateOnly To, IReadOnlyList<StageTally> Stages)
{
    public int Count => Stages.Sum(s => s.Count);
    public decimal Cost => Stages.Sum(s => s.Cost);
}

/// <summary>The Frontline page: the weeks oldest first, the stages in journey order, and the people to thank, most first.</summary>
public sealed record FrontlineView(IReadOnlyList<FrontlineWeek> Weeks, IReadOnlyList<StageTally> Stages, IReadOnlyList<Contributor> Thanked,
    int People)
{
    public int Count => Stages.Sum(s => s.Count);
    public decimal Cost => Stages.Sum(s => s.Cost);
}

/// <summary>
/// What the frontline resolved without waiting for approval, in the team's seven-day weeks ending today (the trend's
/// weeks), summed by <see cref="FrontlineTally"/> as the review sums its week.
/// </summary>
public sealed class FrontlineQuery(AppDbContext db, TimeProvider clock, BotSettings settings)
{
    public const int Weeks = 12, MaxThanked = 20;

    public async Task<FrontlineView> RunAsync(CancellationToken ct)
    {
        var (today, zone) = await TeamZone.TodayAsync(db, settings, clock, ct);
        var tally = new FrontlineTally(db);
        var first = today.AddDays(1 - 7 * Weeks);
        var weeks = new List<FrontlineWeek>();
        var contributors = new List<Contributor>();
        for (var w = 0; w < Weeks; w++)
        {
            var from = first.AddDays(7 * w);
            var sums = await tally.RunAsync(Clock.StartOfDayUtc(from, zone), Clock.StartOfDayUtc(from.AddDays(7), zone), ct);
            weeks.Add(new FrontlineWeek(from, from.AddDays(6), Ordered(sums.Stages)));
            contributors.AddRange(sums.Contributors);
        }
        var byStage = weeks.SelectMany(w => w.Stages).GroupBy(s => (s.Stage, s.Position))
            .Select(g => new StageTally(g.Key.Stage, g.Key.Position, g.Sum(s => s.Count), g.Sum(s => s.Cost)));
        var people = contributors.GroupBy(c => c.Who).Select(g => new Contributor(g.Key, g.Sum(c => c.Count))).ToList();
        var thanked = people.OrderByDescending(c => c.Count).ThenBy(c => c.Who.Name, StringComparer.Ordinal).Take(MaxThanked).ToList();
        return new FrontlineView(weeks, Ordered(byStage), thanked, people.Count);
    }

    static List<StageTally> Ordered(IEnumerable<StageTally> stages) =>
        [.. stages.OrderBy(s => s.Position).ThenBy(s => s.Stage, StringComparer.Ordinal)];
}
