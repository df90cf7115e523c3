using System.Text;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Core.Tests.Customers;

/// <summary>Imports CSV text into a real database, as the command line and the upload endpoint do, on 2026-11-26.</summary>
public sealed class ImportFixture : IDisposable
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));

    public TestDatabase Database { get; } = new();

    public const string Header = "date,type,customer_id,customer_name,customer_group,annual_value,currency,reason,story,referred_by,external_id";

    public Task<ImportReport> ImportAsync(string csv, bool partial = false, string mapping = "canonical", bool bom = false) =>
        ImportAsync(new MemoryStream([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(csv)]), partial, mapping);

    public async Task<ImportReport> ImportAsync(Stream csv, bool partial = false, string mapping = "canonical")
    {
        await using var db = Database.NewContext();
        var importer = new CustomerEventImporter(Database.CustomerEvents(db, Clock), new CustomerDataSettings(), Clock);
        return await importer.ImportCsvAsync(csv, CsvMapping.Find(mapping)!, partial, "test", default);
    }

    public static string SamplePath(string name)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "AccountabilityBot.sln"))) dir = Path.GetDirectoryName(dir)!;
        return Path.Combine(dir, "samples", name);
    }

    public void Dispose() => Database.Dispose();
}
