using System.Text;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.CustomerData;

/// <summary>
/// On PostgreSQL an import that changes more than a tenth of the events refreshes the statistics before it commits, so
/// the next review is planned for the new rows; a small one leaves that to autovacuum.
/// </summary>
[Collection(WebTests.Name)]
public sealed class ImportStatisticsTests
{
    const string Analyzed = """SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'CustomerEvents'""";

    [PostgresFact]
    public async Task LargeImport_AnalyzesTheEvents_SmallOneDoesNot()
    {
        await using var host = await ProviderApp.CreateAsync("Postgres", new FakeTimeProvider(BotApplication.Thursday));
        var database = host.Database!;
        Assert.Equal(0, await database.ScalarAsync<long>(Analyzed));

        await ImportAsync(host.App, from: 1, count: 200);
        Assert.Equal(1, await AnalyzedAsync(database, atLeast: 1));
        await ImportAsync(host.App, from: 201, count: 60); // under 50 + a tenth of 200
        Assert.Equal(1, await database.ScalarAsync<long>(Analyzed));
        await ImportAsync(host.App, from: 261, count: 100);
        Assert.Equal(2, await AnalyzedAsync(database, atLeast: 2)); // the count read above was not a stale one
    }

    // Statistics reach other sessions within a moment, not necessarily at once.
    static async Task<long> AnalyzedAsync(PostgresDatabase database, long atLeast)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(100))
            if (await database.ScalarAsync<long>(Analyzed) >= atLeast) break;
        return await database.ScalarAsync<long>(Analyzed);
    }

    static Task ImportAsync(BotApplication app, int from, int count) => app.WithScopeAsync(async sp =>
    {
        var csv = ApiClient.Header + "\n" + string.Concat(Enumerable.Range(from, count).Select(i => $"2026-11-02,won,C-{i},Clinic {i},,1000,USD,,,,E-{i}\n"));
        var report = await sp.GetRequiredService<CustomerEventImporter>().ImportCsvAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(csv)), CsvMapping.Canonical, partial: false, "test", default);
        Assert.Equal(count, report.Inserted);
        return report;
    });
}
