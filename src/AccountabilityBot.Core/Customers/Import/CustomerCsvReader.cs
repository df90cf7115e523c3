using System.Runtime.CompilerServices;
using System.Text.Unicode;
using CsvHelper;

namespace AccountabilityBot.Core.Customers.Import;

/// <summary>
/// One row of a source: its first line, and the event it holds, or null Raw when it is no event; <paramref name="Unreadable"/>
/// when the row could not even be read as text (its column and why).
/// </summary>
public sealed record SourceRow(long Line, RawEvent? Raw, (string Column, string Reason)? Unreadable = null);

/// <summary>
/// Streams a CSV file's rows with CsvHelper: comma or semicolon (detected), UTF-8 with or without a byte order mark,
/// quoted fields with separators, quotes and line breaks inside. Only one record is held at a time.
/// </summary>
public static class CustomerCsvReader
{
    /// <summary>A record longer than this (1 MB) is hostile or broken; it stops the read instead of growing the buffer.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    internal static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
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
            yield return Utf8.IsValid(csv.RawRecord) ? new SourceRow(csv.LineNumber, mapping.Read(Cell)) : Unreadable(csv, headers);
    }

    // Reading a field as a string turns bytes that are not UTF-8 into U+FFFD without a word: a name or id would be
    // stored garbled. Such a row is reported instead, with the column that holds them.
    static SourceRow Unreadable(CsvReader csv, List<string> headers)
    {
        var field = Enumerable.Range(0, csv.FieldCount).FirstOrDefault(i => !Utf8.IsValid(csv.GetRawSpan(i)));
        var column = field < headers.Count ? headers[field] : $"column {field + 1}";
        return new SourceRow(csv.LineNumber, null,
            (column, "is not valid UTF-8 text; save the file as UTF-8 (in Excel: \"CSV UTF-8\") and import it again"));
    }
}
