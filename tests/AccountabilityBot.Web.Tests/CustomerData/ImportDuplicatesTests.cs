using System.Text;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.CustomerData;

/// <summary>
/// The same event twice in one import is a bad row even when the copies fall in different batches (the first already
/// written when the second is read); an event already stored is updated, not added again.
/// </summary>
[Collection(WebTests.Name)]
public sealed class ImportDuplicatesTests
{
    // 2,600 rows: the first batch of 2,000 is written before the copy of EV-2 on line 2,601 is read.
    static readonly string File = ApiClient.Header + "\n2026-11-02,won,C-5,Five,,200,USD,,,,EV-2\n2026-11-03,won,C-1,One,,150,USD,,,,EV-1\n" +
        string.Concat(Enumerable.Range(3, 2_597).Select(i => $"2026-11-03,renewed,C-{i % 50},Bulk {i % 50},,{i},USD,,,,EV-{i}\n")) +
        "2026-11-04,lost,C-5,Fünf,,999,USD,price,Gone.,,EV-2\n";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SameEventTwice_RefusedOrLeftOut_StoredEventUpdated(string provider)
    {
        await using var host = await ProviderApp.CreateAsync(provider, new FakeTimeProvider(BotApplication.Thursday));
        var app = host.App;
        await ImportAsync(app, ApiClient.Header + "\n2026-11-01,won,C-1,One,,100,USD,,,,EV-1\n", partial: false);

        var strict = await ImportAsync(app, File, partial: false);
        Assert.False(strict.Written);
        var problem = Assert.Single(strict.Problems);
        Assert.Equal((2_601L, "external_id"), (problem.Line, problem.Column));
        Assert.Contains("'EV-2' is the same event as line 2", problem.Reason);
        // The batch already written was rolled back: only the first import's event, unchanged.
        Assert.Equal([("EV-1", 100m)], await EventsAsync(app));
        Assert.Equal(1, await app.WithDbAsync(db => db.Customers.CountAsync()));

        // Right after the rollback, on the same pooled connection as likely as not: the good rows go in.
        var partial = await ImportAsync(app, File, partial: true);
        Assert.Equal((2_598, 1, 1L), (partial.Inserted, partial.Updated, partial.Rejected));
        var events = await EventsAsync(app);
        Assert.Equal(2_599, events.Count);
        Assert.Contains(("EV-1", 150m), events);
        Assert.Contains(("EV-2", 200m), events); // the first copy, not the refused one
        var five = await app.WithDbAsync(db => db.CustomerEvents.Where(e => e.ExternalId == "EV-2")
            .Select(e => new { e.Kind, e.Customer.Name, Stories = db.LostStories.Count() }).SingleAsync());
        Assert.Equal((CustomerEventKind.Won, "Five", 0), (five.Kind, five.Name, five.Stories));
        Assert.Equal(50, await app.WithDbAsync(db => db.Customers.CountAsync())); // C-0 … C-49: C-1 was there, C-5 is Five

        var again = await ImportAsync(app, File, partial: true);
        Assert.Equal((0, 2_599), (again.Inserted, again.Updated));
        Assert.Equal(2_599, await app.WithDbAsync(db => db.CustomerEvents.CountAsync()));
    }

    static Task<ImportReport> ImportAsync(BotApplication app, string csv, bool partial) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CustomerEventImporter>().ImportCsvAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(csv)), CsvMapping.Canonical, partial, "test", default));

    static Task<List<(string, decimal)>> EventsAsync(BotApplication app) => app.WithDbAsync(async db =>
        (await db.CustomerEvents.Select(e => new { e.ExternalId, e.AnnualValue }).ToListAsync()).Select(e => (e.ExternalId!, e.AnnualValue)).ToList());
}
