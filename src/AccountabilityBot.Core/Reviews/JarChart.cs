using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Reviews;

/// <summary>Builds the marble jar's picture block, and its text equivalent, for the review and for <c>jar</c>.</summary>
public static class JarChart
{
    /// <summary>Whether a picture would show anything: two empty jars and twelve empty weeks say no more than the words.</summary>
    public static bool WorthDrawing(Tally won, Tally lost, IReadOnlyList<TrendWeek> weeks) =>
        won.Count + lost.Count > 0 || weeks.Any(w => w.Won.Count + w.Lost.Count > 0);

    /// <param name="period">How the period reads in a sentence, e.g. "this week" or "Q4 2026".</param>
    public static JarChartBlock Of(string title, string period, Tally won, Tally lost, IReadOnlyList<TrendWeek> weeks, string money)
    {
        var trend = weeks.Select(w => new JarWeek(w.From, w.NetCount, w.NetValue)).ToList();
        var text = $"Won vs lost, {period}: {Format.Count(won.Count, "customer")} won ({Format.Money(won.Value, money)} a year), "
            + $"{Format.Count(lost.Count, "customer")} lost ({Format.Money(lost.Value, money)} a year); net {ReviewComposer.Net(won, lost, money)}."
            + (trend.Count == 0 ? "" : $" Net customers week by week, the last {trend.Count} weeks (week starting): "
                + string.Join(", ", trend.Select(w => $"{w.From.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture)} {Signed(w.Net)}")) + ".");
        return new JarChartBlock(title, money, new JarTotal(won.Count, won.Value), new JarTotal(lost.Count, lost.Value), trend, text);
    }

    static string Signed(int n) => ReviewComposer.Sign(n) + Math.Abs(n).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
}
