using AccountabilityBot.Core.Customers.Metrics;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>The period a dashboard page shows, as its URL names it: <c>week</c>, <c>month</c>, <c>quarter</c> so far, or a range.</summary>
/// <param name="Key">"week", "month", "quarter", or <see cref="Custom"/> for a range.</param>
public sealed record DashboardPeriod(string Key, string Label, DateRange Range)
{
    public const string Custom = "range", Default = "quarter";

    public static readonly string[] Words = ["week", "month", "quarter"];

    /// <summary>
    /// The period asked for; a range needs both days and the same limits as <c>jar FROM..TO</c>. Anything else falls back to
    /// the quarter so far, with the <paramref name="problem"/> to show.
    /// </summary>
    public static DashboardPeriod Read(string? period, DateOnly? from, DateOnly? to, DateOnly today, out string? problem)
    {
        problem = null;
        if (from is { } first && to is { } last)
        {
            if (DateRange.Check(first, last, out problem) is { } range) return new DashboardPeriod(Custom, range.Label, range);
        }
        else if (from is not null || to is not null) problem = "Give both the first and the last day of the range.";
        var word = period is not null && Words.Contains(period, StringComparer.Ordinal) ? period : Default;
        var (label, named) = DateRange.Named(word, today)!.Value;
        return new DashboardPeriod(word, label, named);
    }
}
