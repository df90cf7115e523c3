using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Web.Tests.Charts;

/// <summary>Charts as the review and <c>jar</c> build them, for the renderer, link and platform tests.</summary>
public static class ChartSamples
{
    static readonly int[] Wins = [3, 1, 0, 4, 2, 5, 0, 1, 6, 2, 3, 4], Losses = [1, 2, 0, 1, 4, 0, 2, 0, 1, 3, 0, 1];

    public static JarChartBlock Week(int won = 4, int lost = 1)
    {
        var first = new DateOnly(2026, 9, 14);
        var weeks = Enumerable.Range(0, 12).Select(i => new TrendWeek(first.AddDays(7 * i), first.AddDays(7 * i + 6),
            new Tally(Wins[i], Wins[i] * 12_000m), new Tally(Losses[i], Losses[i] * 9_500m))).ToList();
        return JarChart.Of("The marble jar — week of 30 Nov – 6 Dec 2026", "this week", new Tally(won, won * 12_000m),
            new Tally(lost, lost * 9_500m), weeks, "$");
    }

    public static ChatMessage Message(JarChartBlock chart) =>
        new([new HeaderBlock("Weekly customer review"), new TextBlock("Won 4, lost 1."), chart, new ContextBlock("Small print")]);
}
