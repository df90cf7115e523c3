using System.Diagnostics;
using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Web.Charts;
using Microsoft.AspNetCore.DataProtection;

/// <summary>
/// The marble jar's picture: the first render in a fresh process (the native library and the font load), then
/// p50/p95 of warm renders, and of a sealed link read back and drawn (what GET /charts/{token}.png does).
/// </summary>
static class ChartBench
{
    public static void Run(int runs)
    {
        var chart = Chart();
        var watch = Stopwatch.StartNew();
        var png = JarChartRenderer.Render(chart);
        var cold = watch.Elapsed.TotalMilliseconds;
        var warm = Time(runs, () => JarChartRenderer.Render(chart));
        var links = new ChartLinks(DataProtectionProvider.Create("AccountabilityBot.Bench"), TimeProvider.System);
        var token = links.Token(chart);
        var served = Time(runs, () => JarChartRenderer.Render(links.Read(token)!));
        Console.WriteLine($"chart: cold {cold:F1} ms; warm runs={runs} p50={warm.P50:F2} ms p95={warm.P95:F2} ms max={warm.Max:F2} ms; "
            + $"link read + render p50={served.P50:F2} ms p95={served.P95:F2} ms; png {png.Length:N0} bytes, token {token.Length} chars; "
            + $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }

    static (double P50, double P95, double Max) Time(int runs, Action draw)
    {
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            draw();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[runs / 2], times[(int)(runs * 0.95)], times[^1]);
    }

    /// <summary>A busy week: more marbles than a jar draws, and twelve weeks of gains and losses.</summary>
    static AccountabilityBot.Core.Messaging.JarChartBlock Chart()
    {
        var first = new DateOnly(2026, 9, 14);
        var weeks = Enumerable.Range(0, 12).Select(i => new TrendWeek(first.AddDays(7 * i), first.AddDays(7 * i + 6),
            new Tally(3 + i % 5, 40_000m * (3 + i % 5)), new Tally(i % 4, 35_000m * (i % 4)))).ToList();
        return JarChart.Of("The marble jar — week of 30 Nov – 6 Dec 2026", "this week", new Tally(84, 3_360_000m), new Tally(17, 595_000m), weeks, "$");
    }
}
