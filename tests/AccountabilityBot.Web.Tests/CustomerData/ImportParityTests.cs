using System.Globalization;
using System.Text;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.CustomerData;

/// <summary>
/// An import of several batches (the importer writes 2,000 rows at a time) keeps the same rows on PostgreSQL, where each
/// batch is copied into a staging table and upserted in one statement, as on SQLite, where rows go one by one.
/// </summary>
[Collection(WebTests.Name)]
public sealed class ImportParityTests
{
    [PostgresFact]
    public async Task ImportThenReimport_SeveralBatches_SameRowsOnBothProviders()
    {
        var sqlite = await RunAsync("Sqlite");
        var postgres = await RunAsync("Postgres");

        Assert.Equal(sqlite.Reports, postgres.Reports);
        Assert.Equal(sqlite.Tables, postgres.Tables);
        // What both agree on is right, not only alike:
        Assert.Equal(["2 new and 0 updated", "5,004 new and 0 updated", "1,000 new and 5,004 updated"],
            postgres.Reports.Select(r => r[..r.IndexOf(" events", StringComparison.Ordinal)]));
        var (customers, events, stories) = postgres.Counts;
        Assert.Equal((2 + 402, 2 + 6_004, 639), (customers, events, stories)); // 500 told in the second file, 139 kept from the first
        Assert.Contains("customer 1|Walk-in 20||GROUP 0", postgres.Tables); // the earlier of two with that name, regrouped
        Assert.Contains("customer 3|Id First|S-1|", postgres.Tables); // found by name in the same batch: no second one
        Assert.Equal(2, postgres.Tables.Count(t => t.Contains("|Name First|", StringComparison.Ordinal)));
        Assert.Contains(postgres.Tables, t => t.StartsWith("story|EV-6|Story 6 v2|", StringComparison.Ordinal));
    }

    const string Instant = "yyyy-MM-dd HH:mm:ss.ffffff"; // the kind of a read instant differs by provider, not its value

    sealed record Outcome(List<string> Reports, List<string> Tables, (int Customers, int Events, int Stories) Counts);

    static async Task<Outcome> RunAsync(string provider)
    {
        await using var host = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday));
        var app = host.App;
        var reports = new List<string>();
        // Two customers named "Walk-in 20": a row without an id later means the earlier one.
        const string Twins = "2026-10-01,won,,Walk-in 20,Old,500,USD,,,,PRE-1\n2026-10-02,won,X-1,Walk-in 20,,600,USD,,,,PRE-2\n";
        foreach (var csv in new[] { Twins, Csv(5_000, 1), Csv(6_000, 2) })
            reports.Add(await app.WithScopeAsync(async sp =>
            {
                var report = await sp.GetRequiredService<CustomerEventImporter>().ImportCsvAsync(
                    new MemoryStream(Encoding.UTF8.GetBytes(ApiClient.Header + "\n" + csv)), CsvMapping.Canonical, partial: false, "test", default);
                return report.Summary;
            }));
        return await app.WithDbAsync(async db =>
        {
            // Ids differ (a PostgreSQL upsert draws a number from the sequence even when it updates), so rows are compared
            // by their rank in id order, which is the order they were added in.
            var customerRank = (await db.Customers.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync())
                .Select((id, i) => (id, i + 1)).ToDictionary();
            var eventRank = (await db.CustomerEvents.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync())
                .Select((id, i) => (id, i + 1)).ToDictionary();
            var tables = new List<string>();
            tables.AddRange((await db.Customers.OrderBy(c => c.Id)
                    .Select(c => new { c.Id, c.Name, c.ExternalId, Group = c.Group!.Name }).ToListAsync())
                .Select(c => $"customer {customerRank[c.Id]}|{c.Name}|{c.ExternalId}|{c.Group}"));
            tables.AddRange((await db.CustomerEvents.OrderBy(e => e.Id).ToListAsync())
                .Select(e => $"event {eventRank[e.Id]}|{customerRank[e.CustomerId]}|{e.Kind}|{e.OccurredOn:O}|" +
                             $"{e.AnnualValue.ToString("F2", CultureInfo.InvariantCulture)}|{e.Reason}|{e.ReferredBy}|{e.ExternalId}|" +
                             e.RecordedAt.ToString(Instant, CultureInfo.InvariantCulture)));
            // Sorted here: the two databases' collations order text differently.
            var stories = await db.LostStories.Select(s => new
            {
                s.Event.ExternalId, s.Narrative, s.CreatedAt, s.LostOn,
                EventLostOn = s.Event.Kind == CustomerEventKind.Lost ? s.Event.OccurredOn : (DateOnly?)null,
            }).ToListAsync();
            Assert.All(stories, s => Assert.Equal(s.EventLostOn, s.LostOn)); // kept by the database through the import
            tables.AddRange(stories
                .Select(s => $"story|{s.ExternalId}|{s.Narrative}|{s.CreatedAt.ToString(Instant, CultureInfo.InvariantCulture)}|{s.LostOn:O}")
                .Order(StringComparer.Ordinal));
            tables.AddRange((await db.CustomerGroups.Select(g => "group|" + g.Name).ToListAsync()).Order(StringComparer.Ordinal));
            tables.AddRange(await db.AuditTrail.Where(a => a.Action == "customers.import").OrderBy(a => a.Id)
                .Select(a => "audit|" + a.Summary).ToListAsync());
            // The roll-ups (PostgreSQL counts an import's months at its end), summed over shares, by group name.
            var groups = await db.CustomerGroups.ToDictionaryAsync(g => g.Id, g => g.Name);
            tables.AddRange(Summed("day", groups, await db.CustomerDayTotals
                .Select(t => new RollUpRow(t.Day, t.Kind, t.GroupId, t.Reason, t.Count, t.Value)).ToListAsync()));
            tables.AddRange(Summed("month", groups, await db.CustomerMonthTotals
                .Select(t => new RollUpRow(t.Month, t.Kind, t.GroupId, t.Reason, t.Count, t.Value)).ToListAsync()));
            return new Outcome(reports, tables, (await db.Customers.CountAsync(), await db.CustomerEvents.CountAsync(), await db.LostStories.CountAsync()));
        });
    }

    sealed record RollUpRow(DateOnly Period, CustomerEventKind Kind, int GroupId, string Reason, int Count, decimal Value);

    static IEnumerable<string> Summed(string table, Dictionary<int, string> groups, List<RollUpRow> rows) =>
        rows.GroupBy(r => (r.Period, r.Kind, Group: groups.GetValueOrDefault(r.GroupId, ""), r.Reason))
            .Select(g => (g.Key, Count: g.Sum(r => r.Count), Value: g.Sum(r => r.Value)))
            .Where(k => k.Count != 0 || k.Value != 0)
            .Select(k => $"{table}|{k.Key.Period:O}|{k.Key.Kind}|{k.Key.Group}|{k.Key.Reason}|{k.Count}|" +
                         k.Value.ToString("F2", CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="events"/> events of 400 customers, every tenth without an id (so the statements for customers
    /// with and without ids alternate), groups in changing case; the second version renames customers, changes values
    /// and stories, and adds events.
    /// </summary>
    static string Csv(int events, int version)
    {
        // Found by name after being added by id in the same batch; added by name, then another one by id.
        var csv = new StringBuilder(
            "2026-11-01,won,S-1,Id First,,100,USD,,,,SP-1\n2026-11-01,won,,Id First,,100,USD,,,,SP-2\n" +
            "2026-11-01,won,,Name First,,100,USD,,,,SP-3\n2026-11-01,won,S-2,Name First,,100,USD,,,,SP-4\n");
        string[] kinds = ["won", "renewed", "lost", "referral"];
        for (var i = 1; i <= events; i++)
        {
            var c = i % 400 + 1;
            var customer = c % 10 == 0 ? $",Walk-in {c}" : $"C-{c},Customer {c}{(version == 2 ? " Ltd" : "")}";
            var group = c % 7 == 0 ? "" : i % 2 == 0 ? $"GROUP {c % 5}" : $"Group {c % 5}";
            // The second version moves every fifth event a day on and turns every ninth into the next kind.
            var kind = kinds[(i + (version == 2 && i % 9 == 0 ? 1 : 0)) % 4];
            var day = 1 + (i + (version == 2 && i % 5 == 0 ? 1 : 0)) % 28;
            var story = kind == "lost" && i % 3 == 0 ? $"Story {i} v{version}" : "";
            var referredBy = kind == "referral" ? "Customer 1" : "";
            csv.Append(CultureInfo.InvariantCulture,
                $"2026-{1 + i % 10:D2}-{day:D2},{kind},{customer},{group},{100 + i % 997 + version}.{i % 100:D2},USD,")
                .Append(CultureInfo.InvariantCulture, $"{(kind == "lost" ? "price" : "")},{story},{referredBy},EV-{i}\n");
        }
        return csv.ToString();
    }
}
