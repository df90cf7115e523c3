namespace AccountabilityBot.Core.Reviews;

/// <summary>One frontline resolution; <see cref="Position"/> is the stage's place in the journey.</summary>
internal sealed record ResolutionRow(string? Stage, int Position, decimal? Cost, Person By);

internal static class FrontlineTally
{
    public const string NoStage = "No stage";

    public static List<StageTally> ByStage(IEnumerable<ResolutionRow> rows) =>
    [
        .. rows.GroupBy(r => r.Stage)
            .Select(g => new StageTally(g.Key ?? NoStage, g.Key is null ? int.MaxValue : g.First().Position, g.Count(), g.Sum(r => r.Cost ?? 0m))),
    ];

    public static List<Contributor> Contributors(IEnumerable<ResolutionRow> rows) =>
        [.. rows.GroupBy(r => r.By).Select(g => new Contributor(g.Key, g.Count()))];
}
