using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>A lost customer's story in the list, with whether it is the CCO's pick and when it was told to leadership.</summary>
public sealed record StoryRow(StoryView Story, bool Picked, DateTime? ToldAt);

/// <summary>
/// What the Customers page shows for a period: the marble jar (won against lost, whole numbers and yearly value, the net),
/// renewals, referrals and revenue by customer group, why customers left, the 12-week trend to the period's last day,
/// and the lost-customer stories.
/// </summary>
public sealed record CustomersView(
    DashboardPeriod Period,
    string? Problem,
    CustomerTotals Totals,
    IReadOnlyList<GroupRevenue> Revenue,
    IReadOnlyList<TrendWeek> Trend,
    StoryView? StoryOfTheWeek,
    StoryView? Pick,
    Paged<StoryRow> Stories)
{
    /// <summary>Reasons, groups and revenue rows a page lists before it counts the rest.</summary>
    public const int MaxRows = 15;

    public int NetCount => Totals.Won.Count - Totals.Lost.Count;
    public decimal NetValue => Totals.Won.Value - Totals.Lost.Value;

    /// <summary>Why they left, most often first (the order of <c>why lost</c>).</summary>
    public IReadOnlyList<ReasonTally> LostByCount => ReviewComposer.Ranked(Totals.LostReasons);

    /// <summary>Why they left, the most valuable losses first.</summary>
    public IReadOnlyList<ReasonTally> LostByValue =>
        [.. Totals.LostReasons.OrderByDescending(r => r.Value).ThenByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal)];
}
