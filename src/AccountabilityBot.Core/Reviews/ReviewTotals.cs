using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Reviews;

/// <summary>One customer event, as much of it as the review needs.</summary>
internal sealed record EventRow(CustomerEventKind Kind, DateOnly OccurredOn, decimal Value, string? Reason, string? Group);

/// <summary>One frontline resolution; <see cref="Position"/> is the stage's place in the journey.</summary>
internal sealed record ResolutionRow(string? Stage, int Position, decimal? Cost, Person By);

internal static class CustomerTotalsBuilder
{
    public const string NoReason = "No reason given", NoGroup = "No group";

    public static CustomerTotals Sum(IEnumerable<EventRow> events)
    {
        var rows = events.ToList();
        return new CustomerTotals(
            Total(rows, CustomerEventKind.Won), Total(rows, CustomerEventKind.Lost),
            Total(rows, CustomerEventKind.Renewed), Total(rows, CustomerEventKind.Referral),
            Reasons(rows, CustomerEventKind.Lost), Reasons(rows, CustomerEventKind.Renewed),
            [.. rows.Where(e => e.Kind is CustomerEventKind.Renewed or CustomerEventKind.Referral)
                .GroupBy(e => e.Group ?? NoGroup)
                .Select(g => new GroupTally(g.Key, Total(g, CustomerEventKind.Renewed), Total(g, CustomerEventKind.Referral)))]);
    }

    static Tally Total(IEnumerable<EventRow> rows, CustomerEventKind kind) =>
        rows.Where(e => e.Kind == kind).Aggregate(Tally.None, (t, e) => t.Add(e.Value));

    // Reasons are typed by people, so "Price" and "price " are one reason; the spelling shown is chosen deterministically.
    static List<ReasonTally> Reasons(IEnumerable<EventRow> rows, CustomerEventKind kind) =>
    [
        .. rows.Where(e => e.Kind == kind)
            .GroupBy(e => string.IsNullOrWhiteSpace(e.Reason) ? NoReason : e.Reason.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new ReasonTally(
                g.Select(e => string.IsNullOrWhiteSpace(e.Reason) ? NoReason : e.Reason.Trim()).Order(StringComparer.Ordinal).First(),
                g.Count(), g.Sum(e => e.Value))),
    ];
}

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
