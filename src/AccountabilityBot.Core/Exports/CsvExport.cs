using CsvHelper;

namespace AccountabilityBot.Core.Exports;

/// <summary>
/// Writes an export as RFC 4180 CSV (comma, CRLF, quotes where needed and doubled inside) in UTF-8, safe to open in a
/// spreadsheet: a text cell starting with = + - @, tab or carriage return gets a leading apostrophe, so it is shown, never run.
/// </summary>
public static class CsvExport
{
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        Quoting = CsvQuoting.WhenNeeded,
    };

    public static async Task WriteAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<string?[]> rows, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var name in header) csv.WriteField(name);
        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var cell in row) csv.WriteField(cell ?? "");
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }
}
