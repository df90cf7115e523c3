using System.Globalization;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Grammar;
using CsvHelper;

namespace AccountabilityBot.Core.Touchpoints;

/// <summary>A value as sent, with where it was in the request (<c>values[2]</c>, <c>line 4</c>) for the problems.</summary>
public sealed record SentValue(string Where, TouchpointValueInput Value);

/// <summary>
/// Touchpoint values as CSV: a header with <c>date</c> and <c>value</c> columns (and <c>unit</c>, optional), then a value
/// a line, read as the customer import reads its files (comma or semicolon, UTF-8 with or without a byte order mark).
/// </summary>
public static class TouchpointCsv
{
    public const string MediaType = "text/csv";

    /// <returns>The values, or null with every problem (each naming its line) in <paramref name="problems"/>.</returns>
    public static async Task<List<SentValue>?> ReadAsync(Stream stream, int max, List<string> problems, CancellationToken ct)
    {
        await using var csv = CsvReader.Create(stream, CustomerCsvReader.Options, leaveOpen: true);
        await csv.ReadHeaderAsync(ct);
        var headers = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        int date = headers.IndexOf("date"), value = headers.IndexOf("value"), unit = headers.IndexOf("unit");
        if (date < 0 || value < 0)
        {
            problems.Add("line 1: the header needs a 'date' and a 'value' column ('unit' is optional), e.g. date,value,unit.");
            return null;
        }
        string? Cell(int i) => i >= 0 && i < csv.FieldCount ? csv.GetString(i).Trim() : null;
        var values = new List<SentValue>();
        while (await csv.ReadAsync(ct))
        {
            if (values.Count + problems.Count == max)
            {
                problems.Add($"More than {max:N0} values in one request; send at most {max:N0} at a time.");
                return null;
            }
            var where = $"line {csv.LineNumber}";
            if (!DateOnly.TryParseExact(Cell(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
                problems.Add($"{where}: the date '{DidYouMean.Echo(Cell(date) ?? "")}' is not YYYY-MM-DD.");
            else if (TouchpointUnits.Read(Cell(value) ?? "", out _) is not { } number)
                problems.Add($"{where}: the value '{DidYouMean.Echo(Cell(value) ?? "")}' is not a number (decimals with a point: 4.25).");
            else values.Add(new SentValue(where, new TouchpointValueInput(on, number, Cell(unit) is { Length: > 0 } u ? u : null)));
        }
        if (values.Count == 0 && problems.Count == 0) problems.Add("There are no values under the header.");
        return problems.Count == 0 ? values : null;
    }
}
