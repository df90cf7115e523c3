using System.Globalization;
using System.Text;
using AccountabilityBot.Core.Customers.Metrics;
using Microsoft.EntityFrameworkCore;
using static AccountabilityBot.Core.Tests.Customers.ImportFixture;

namespace AccountabilityBot.Core.Tests.Customers;

/// <summary>
/// A range's sums read whole months from the monthly roll-up and only the edge days from the daily one; whatever the
/// range's edges, they must equal the range's days summed from the daily roll-up alone.
/// </summary>
public sealed class CustomerTotalsRangeTests : IDisposable
{
    readonly ImportFixture f = new();

    public void Dispose() => f.Dispose();

    static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Four events a day from 2025-11-20 to 2026-03-10, of every kind, in three groups and none, with a few reasons; then
    /// imported again with some dates moved into the next month, a kind and a customer's group changed, so the months
    /// also hold rows counted out.
    /// </summary>
    async Task SeedAsync()
    {
        string[] kinds = ["won", "lost", "renewed", "referral"], groups = ["Clinics", "Labs", "Vets", ""], reasons = ["Price", "Support", ""];
        string Csv(bool changed)
        {
            var csv = new StringBuilder(Header).Append('\n');
            var i = 0;
            for (var day = Day("2025-11-20"); day <= Day("2026-03-10"); day = day.AddDays(1))
                for (var n = 0; n < 4; n++, i++)
                {
                    var on = changed && i % 9 == 0 ? day.AddDays(11) : day;
                    var kind = changed && i % 13 == 0 ? "won" : kinds[(i + n) % 4];
                    var group = changed && i % 40 == 7 ? "Vets" : groups[i % 40 % 4];
                    csv.Append(CultureInfo.InvariantCulture, $"{on:yyyy-MM-dd},{kind},C-{i % 40},Customer {i % 40},{group},")
                        .Append(CultureInfo.InvariantCulture, $"{100 + i % 997}.{i % 100:D2},,{reasons[i % 3]},,,E-{i}\n");
                }
            return csv.ToString();
        }
        Assert.True((await f.ImportAsync(Csv(changed: false))).Written);
        Assert.True((await f.ImportAsync(Csv(changed: true))).Written);
    }

    [Theory]
    [InlineData("2026-01-05", "2026-01-20")] // inside one month
    [InlineData("2025-12-15", "2026-02-28")] // starting mid-month, ending on a month's last day
    [InlineData("2026-01-01", "2026-02-10")] // starting on a month's first day, ending mid-month
    [InlineData("2025-11-25", "2026-03-05")] // both edges mid-month, whole months between
    [InlineData("2026-01-01", "2026-02-28")] // exact whole months
    [InlineData("2025-12-01", "2025-12-31")] // one exact month
    [InlineData("2025-12-20", "2026-01-10")] // across a year end, no whole month
    [InlineData("2025-11-30", "2026-01-01")] // across a year end, one whole month and a day either side
    [InlineData("2026-01-31", "2026-02-01")] // two days, two months
    [InlineData("2026-01-01", "2026-01-01")] // a single day, a month's first
    [InlineData("2025-12-31", "2025-12-31")] // a single day, a year's last
    [InlineData("2023-11-23", "2026-11-22")] // three years, more than the data
    [InlineData("2027-01-01", "2027-12-31")] // nothing there
    public async Task Sums_AnyRange_EqualTheRangesDaysSummed(string from, string to)
    {
        await SeedAsync();
        var range = new DateRange(Day(from), Day(to));
        await using var db = f.Database.NewContext();

        var sums = await new CustomerTotalsQuery(db).SumsAsync(range, default);

        var days = await db.CustomerDayTotals.AsNoTracking().Where(t => t.Day >= range.From && t.Day <= range.To).ToListAsync();
        var expected = days.GroupBy(t => (t.Kind, t.GroupId, t.Reason))
            .Select(g => new CustomerTotalsQuery.KeySum(g.Key.Kind, g.Key.GroupId, g.Key.Reason, g.Sum(t => t.Count), g.Sum(t => t.Value)))
            .Where(s => s.Count != 0);
        Assert.Equal(Sorted(expected), Sorted(sums));
        if (range.From.Year < 2027) Assert.NotEmpty(sums);
    }

    static List<CustomerTotalsQuery.KeySum> Sorted(IEnumerable<CustomerTotalsQuery.KeySum> sums) =>
        [.. sums.OrderBy(s => s.Kind).ThenBy(s => s.GroupId).ThenBy(s => s.Reason, StringComparer.Ordinal)];
}
