using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Customers.Metrics;

/// <summary>Revenue of one customer group in a range: what was won, renewed and lost there, a year.</summary>
public sealed record GroupRevenue(string Group, Tally Won, Tally Renewed, Tally Lost, Tally Referred);

/// <summary>The guerilla metrics of one range, plus revenue by group.</summary>
public sealed record RangeTotals(DateRange Range, CustomerTotals Totals, IReadOnlyList<GroupRevenue> Revenue);

/// <summary>
/// Sums customer events over a date range in the database: two GROUP BY queries on the metrics index, whatever
/// the number of events. Only the grouped rows (kinds × groups, kinds × reasons) come back.
/// </summary>
public sealed class CustomerTotalsQuery(AppDbContext db)
{
    public const string NoReason = "No reason given", NoGroup = "No group";

    // Naming every kind lets SQLite seek the (Kind, OccurredOn, ...) index once per kind instead of scanning it.
    static readonly CustomerEventKind[] AllKinds =
        [CustomerEventKind.Won, CustomerEventKind.Lost, CustomerEventKind.Renewed, CustomerEventKind.Referral];
    static readonly CustomerEventKind[] ReasonKinds = [CustomerEventKind.Lost, CustomerEventKind.Renewed];

    /// <param name="groups">
    /// False to skip the customer groups (renewals, referrals and revenue by group come back empty): grouping joins every
    /// event to its customer, the one part of the query that grows with the range, and the review needs it only for the week.
    /// </param>
    public async Task<RangeTotals> RunAsync(DateRange range, CancellationToken ct, bool groups = true)
    {
        var (from, to) = (range.From, range.To);
        var inRange = db.CustomerEvents.AsNoTracking()
            .Where(e => EF.Constant(AllKinds).Contains(e.Kind) && e.OccurredOn >= from && e.OccurredOn <= to);
        var byGroup = groups
            ? await inRange.GroupBy(e => new { e.Kind, Group = e.Customer.Group == null ? null : e.Customer.Group.Name })
                .Select(g => new KindRow(g.Key.Kind, g.Key.Group, g.Count(), g.Sum(e => e.AnnualValue)))
                .ToListAsync(ct)
            : await inRange.GroupBy(e => e.Kind)
                .Select(g => new KindRow(g.Key, null, g.Count(), g.Sum(e => e.AnnualValue)))
                .ToListAsync(ct);
        var byReason = await db.CustomerEvents.AsNoTracking()
            .Where(e => EF.Constant(ReasonKinds).Contains(e.Kind) && e.OccurredOn >= from && e.OccurredOn <= to)
            .GroupBy(e => new { e.Kind, e.Reason })
            .Select(g => new KindRow(g.Key.Kind, g.Key.Reason, g.Count(), g.Sum(e => e.AnnualValue)))
            .ToListAsync(ct);

        var totals = new CustomerTotals(
            Total(byGroup, CustomerEventKind.Won), Total(byGroup, CustomerEventKind.Lost),
            Total(byGroup, CustomerEventKind.Renewed), Total(byGroup, CustomerEventKind.Referral),
            Reasons(byReason, CustomerEventKind.Lost), Reasons(byReason, CustomerEventKind.Renewed),
            !groups ? [] : [.. Groups(byGroup.Where(r => r.Kind is CustomerEventKind.Renewed or CustomerEventKind.Referral))
                .Select(g => new GroupTally(g.Key, Total(g, CustomerEventKind.Renewed), Total(g, CustomerEventKind.Referral)))]);
        var revenue = !groups ? [] : Groups(byGroup)
            .Select(g => new GroupRevenue(g.Key, Total(g, CustomerEventKind.Won), Total(g, CustomerEventKind.Renewed),
                Total(g, CustomerEventKind.Lost), Total(g, CustomerEventKind.Referral)))
            .OrderByDescending(g => g.Won.Value + g.Renewed.Value).ThenBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
        return new RangeTotals(range, totals, revenue);
    }

    sealed record KindRow(CustomerEventKind Kind, string? Label, int Count, decimal Value);

    static IEnumerable<IGrouping<string, KindRow>> Groups(IEnumerable<KindRow> rows) => rows.GroupBy(r => r.Label ?? NoGroup);

    static Tally Total(IEnumerable<KindRow> rows, CustomerEventKind kind) =>
        rows.Where(r => r.Kind == kind).Aggregate(Tally.None, (t, r) => new Tally(t.Count + r.Count, t.Value + r.Value));

    // Reasons are typed by people, so "Price" and "price " are one reason; the spelling shown is chosen deterministically.
    // SQL groups exact spellings; folding them here touches only the distinct reasons, never the events.
    static List<ReasonTally> Reasons(IEnumerable<KindRow> rows, CustomerEventKind kind) =>
    [
        .. rows.Where(r => r.Kind == kind)
            .GroupBy(r => Reason(r.Label), StringComparer.OrdinalIgnoreCase)
            .Select(g => new ReasonTally(g.Select(r => Reason(r.Label)).Order(StringComparer.Ordinal).First(),
                g.Sum(r => r.Count), g.Sum(r => r.Value))),
    ];

    static string Reason(string? text) => string.IsNullOrWhiteSpace(text) ? NoReason : text.Trim();
}
