using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Reviews;
using static AccountabilityBot.Core.Tests.Reviews.SnapshotBuilder;

namespace AccountabilityBot.Core.Tests.Reviews;

public sealed class JarChartTests
{
    static readonly BotSettings Settings = new() { CurrencySymbol = "€", EscalateAfterDays = 7 };

    static IReadOnlyList<TrendWeek> Trend(params (int Won, int Lost)[] weeks) =>
        [.. weeks.Select((w, i) => new TrendWeek(Monday.AddDays(7 * (i - weeks.Length + 1)), Monday.AddDays(7 * (i - weeks.Length + 1) + 6),
            new Tally(w.Won, w.Won * 10_000m), new Tally(w.Lost, w.Lost * 5_000m)))];

    [Fact]
    public void Compose_WeekWithCustomers_DrawsTheJarAfterItsNumbers_WithEveryNumberInWords()
    {
        var review = ReviewComposer.Compose(Busy() with { Trend = Trend((2, 0), (0, 3), (1, 1)) }, Settings);

        var chart = Assert.Single(review.Blocks.OfType<JarChartBlock>());
        var at = review.Blocks.ToList().IndexOf(chart);
        Assert.IsType<ContextBlock>(review.Blocks[at - 1]); // right after the marble line, inside the marble jar's section
        Assert.Equal((3, 42_000m, 4, 23_000m), (chart.Won.Count, chart.Won.Value, chart.Lost.Count, chart.Lost.Value));
        Assert.Equal([2, -3, 0], chart.Weeks.Select(w => w.Net));
        Assert.Equal("€", chart.Currency);
        Assert.Equal("Won vs lost, this week: 3 customers won (€42,000 a year), 4 customers lost (€23,000 a year); "
            + "net −1 customer, +€19,000 a year. Net customers week by week, the last 3 weeks (week starting): 9 Nov +2, 16 Nov −3, 23 Nov 0.",
            chart.Text);
        Assert.Contains(chart.Text, PlainTextRenderer.Render(review));
        Assert.Contains(chart.Text, review.FallbackText);
        Assert.Contains("each of the last 3 weeks", chart.AltText);
    }

    [Fact]
    public void Compose_NoCustomersInTwelveWeeks_DrawsNothing()
    {
        var quiet = Trend([.. Enumerable.Repeat((0, 0), 12)]);
        Assert.Empty(ReviewComposer.Compose(Empty() with { Trend = quiet }, Settings).Blocks.OfType<JarChartBlock>());
        Assert.Empty(ReviewComposer.Compose(Busy(), Settings).Blocks.OfType<JarChartBlock>()); // no trend loaded
        Assert.Single(ReviewComposer.Compose(Empty() with { Trend = Trend([.. Enumerable.Repeat((0, 0), 11), (0, 1)]) }, Settings)
            .Blocks.OfType<JarChartBlock>());
    }
}
