using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Customers.Metrics;

/// <summary>One week of the trend: customers won and lost, and the net.</summary>
public sealed record TrendWeek(DateOnly From, DateOnly To, Tally Won, Tally Lost)
{
    public int NetCount => Won.Count - Lost.Count;
    public decimal NetValue => Won.Value - Lost.Value;
}

/// <summary>The marble jar week by week: one GROUP BY over the trend's days of the daily roll-up, bucketed into weeks here.</summary>
public sealed class CustomerTrendQuery(AppDbContext db)
{
    public const int DefaultWeeks = 12;

    static readonly CustomerEventKind[] JarKinds = [CustomerEventKind.Won, CustomerEventKind.Lost];

    /// <summary>The <paramref name="weeks"/> seven-day weeks ending <paramref name="lastDay"/>, oldest first.</summary>
    public async Task<IReadOnlyList<TrendWeek>> RunAsync(DateOnly lastDay, CancellationToken ct, int weeks = DefaultWeeks)
    {
        var first = lastDay.AddDays(1 - 7 * weeks);
        var days = await db.CustomerDayTotals.AsNoTracking()
            .Where(t => EF.Constant(JarKinds).Contains(t.Kind) && t.Day >= first && t.Day <= lastDay)
            .GroupBy(t => new { t.Kind, t.Day })
            .Select(g => new { g.Key.Kind, OccurredOn = g.Key.Day, Count = g.Sum(t => t.Count), Value = g.Sum(t => t.Value) })
            .ToListAsync(ct);
        return [.. Enumerable.Range(0, weeks).Select(w =>
        {
            var from = first.AddDays(7 * w);
            var to = from.AddDays(6);
            var inWeek = days.Where(d => d.OccurredOn >= from && d.OccurredOn <= to).ToList();
            Tally Sum(CustomerEventKind k) => new(inWeek.Where(d => d.Kind == k).Sum(d => d.Count), inWeek.Where(d => d.Kind == k).Sum(d => d.Value));
            return new TrendWeek(from, to, Sum(CustomerEventKind.Won), Sum(CustomerEventKind.Lost));
        })];
    }
}
