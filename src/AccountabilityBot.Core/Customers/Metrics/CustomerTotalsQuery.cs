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
/// Sums customer events over a date range from the roll-ups: the whole calendar months inside it from the monthly one
/// (<see cref="CustomerMonthTotal"/>), the days before and after them from the daily one (<see cref="CustomerDayTotal"/>).
/// One GROUP BY over at most (months + edge days) × kinds × groups × reasons rows, however many events the range holds;
/// only the grouped rows (kinds × groups × reasons) come back.
/// </summary>
public sealed class CustomerTotalsQuery(AppDbContext db)
{
    public const string NoReason = "No reason given", NoGroup = "No group";

    /// <param name="groups">
    /// False to leave the customer groups out (renewals, referrals and revenue by group come back empty): the review shows
    /// them for the week only, and <c>jar</c> and <c>why lost</c> never.
    /// </param>
    public async Task<RangeTotals> RunAsync(DateRange range, CancellationToken ct, bool groups = true)
    {
        var rows = await SumsAsync(range, ct);
        var names = new Dictionary<int, string>();
        if (groups)
        {
            var ids = rows.Select(r => r.GroupId).Where(id => id != CustomerTotal.NoGroup).Distinct().ToList();
            names = await db.CustomerGroups.AsNoTracking().Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        }
        var byGroup = rows.GroupBy(r => new { r.Kind, Group = groups ? names.GetValueOrDefault(r.GroupId) : null })
            .Select(g => new KindRow(g.Key.Kind, g.Key.Group, g.Sum(r => r.Count), g.Sum(r => r.Value)))
            .ToList();
        var byReason = rows.Where(r => r.Kind is CustomerEventKind.Lost or CustomerEventKind.Renewed)
            .Select(r => new KindRow(r.Kind, r.Reason, r.Count, r.Value))
            .ToList();

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

    /// <summary>The events of one kind, customer group and reason in a range.</summary>
    internal sealed record KeySum(CustomerEventKind Kind, int GroupId, string Reason, int Count, decimal Value);

    /// <summary>The range's sums by kind, group and reason, leaving out keys whose events all moved away or were deleted.</summary>
    internal async Task<List<KeySum>> SumsAsync(DateRange range, CancellationToken ct)
    {
        var (from, to) = (range.From, range.To);
        var (firstMonth, afterMonths) = WholeMonths(range);
        // The edge days, before the first whole month and after the last: every day of a range that holds no whole month.
        var rows = db.CustomerDayTotals.AsNoTracking()
            .Where(t => (t.Day >= from && t.Day < firstMonth) || (t.Day >= afterMonths && t.Day <= to))
            .Select(t => new { t.Kind, t.GroupId, t.Reason, t.Count, t.Value });
        if (firstMonth < afterMonths)
            rows = rows.Concat(db.CustomerMonthTotals.AsNoTracking()
                .Where(t => t.Month >= firstMonth && t.Month < afterMonths)
                .Select(t => new { t.Kind, t.GroupId, t.Reason, t.Count, t.Value }));
        var sums = await rows
            .GroupBy(t => new { t.Kind, t.GroupId, t.Reason })
            .Select(g => new KeySum(g.Key.Kind, g.Key.GroupId, g.Key.Reason, g.Sum(t => t.Count), g.Sum(t => t.Value)))
            .ToListAsync(ct);
        return [.. sums.Where(s => s.Count != 0)];
    }

    /// <summary>
    /// The first days of the first whole calendar month inside the range and of the month after the last one; both the
    /// day after the range when no month lies wholly inside it (then every day of the range is an edge day).
    /// </summary>
    static (DateOnly First, DateOnly After) WholeMonths(DateRange range)
    {
        var after = range.To.AddDays(1);
        var first = range.From.Day == 1 ? range.From : new DateOnly(range.From.Year, range.From.Month, 1).AddMonths(1);
        var last = new DateOnly(after.Year, after.Month, 1);
        return first < last ? (first, last) : (after, after);
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
