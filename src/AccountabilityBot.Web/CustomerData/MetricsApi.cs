using System.Globalization;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Web.CustomerData;

/// <summary>GET /api/v1/metrics?from=&amp;to=: the guerilla metrics of a range (quarter to date by default) and the 12-week trend, as JSON.</summary>
public static class MetricsApi
{
    public static async Task<IResult> GetAsync(
        string? from, string? to, CustomerTotalsQuery totals, CustomerTrendQuery trend, CustomerDataSettings data, BotSettings bot,
        TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!TryDate(to, today, out var last) || !TryDate(from, DateRange.QuarterToDate(last).From, out var first))
            return ApiProblems.BadRequest("from and to are dates like 2026-10-01.");
        if (DateRange.Check(first, last, out var problem) is not { } range) return ApiProblems.BadRequest(problem!);

        var t = await totals.RunAsync(range, ct);
        var weeks = await trend.RunAsync(range.To, ct);
        var s = t.Totals;
        return Results.Ok(new
        {
            from = range.From, to = range.To, currency = data.Currency, currencySymbol = bot.CurrencySymbol,
            won = Tally(s.Won), lost = Tally(s.Lost), renewed = Tally(s.Renewed), referred = Tally(s.Referred),
            net = new { count = s.Won.Count - s.Lost.Count, value = s.Won.Value - s.Lost.Value },
            lostReasons = ReviewComposer.Ranked(s.LostReasons).Select(Reason),
            renewalReasons = ReviewComposer.Ranked(s.RenewalReasons).Select(Reason),
            groups = t.Revenue.Select(g => new
            {
                group = g.Group, won = Tally(g.Won), renewed = Tally(g.Renewed), lost = Tally(g.Lost), referred = Tally(g.Referred),
                revenue = g.Won.Value + g.Renewed.Value,
            }),
            trend = weeks.Select(w => new
            {
                from = w.From, to = w.To, won = Tally(w.Won), lost = Tally(w.Lost), net = new { count = w.NetCount, value = w.NetValue },
            }),
        });
    }

    static object Tally(Tally t) => new { count = t.Count, value = t.Value };

    static object Reason(ReasonTally r) => new { reason = r.Reason, count = r.Count, value = r.Value };

    static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return string.IsNullOrWhiteSpace(text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
