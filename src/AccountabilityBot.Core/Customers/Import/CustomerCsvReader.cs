using System.Runtime.CompilerServices;
using CsvHelper;

namespace AccountabilityBot.Core.Customers.Import;

/// <summary>One row of a source: its first line, and the event it holds, or why not, or null Raw when it is no event.</summary>
public sealed record SourceRow(long Line, RawEvent? Raw);

/// <summary>
/// Streams a CSV file's rows with CsvHelper: comma or semicolon (detected), UTF-8 with or without a byte order mark,
/// quoted fields with separators, quotes and line breaks inside. Only one record is held at a time.
/// </summary>
public static class CustomerCsvReader
{
    /// <summary>A record longer than this (1 MB) is hostile or broken; it stops the read instead of growing the buffer.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        TrackLineNumbers = true,
        TrimWhitespace = true,
        MaxRecordSize = MaxRecordBytes,
    };

    /// <summary>
    /// The rows, after checking the header has the columns <paramref name="mapping"/> requires; a header problem is
    /// added to <paramref name="problems"/> and yields nothing.
    /// </summary>
    public static async IAsyncEnumerable<SourceRow> ReadAsync(
        Stream stream, CsvMapping mapping, List<ImportProblem> problems, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var csv = CsvReader.Create(stream, Options, leaveOpen: true);
        await csv.ReadHeaderAsync(ct);
        var headers = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        if (headers.Count == 0 || headers.All(h => h.Length == 0))
        {
            problems.Add(new ImportProblem(1, "", "The file is empty; the first line must be the header."));
            yield break;
        }
        var index = headers.Select((h, i) => (h, i)).GroupBy(x => x.h, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        var missing = mapping.Required.Where(r => !index.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(1, string.Join(", ", missing),
                $"The header has no {string.Join(", ", missing.Select(m => $"'{m}'"))} column; the {mapping.Name} format needs "
                + string.Join(", ", mapping.Required) + "."));
            yield break;
        }

        string? Cell(string? header) =>
            header is not null && index.TryGetValue(header, out var i) && i < csv.FieldCount ? csv.GetString(i) : null;

        while (await csv.ReadAsync(ct))
            yield return new SourceRow(csv.LineNumber, mapping.Read(Cell));
    }
}
