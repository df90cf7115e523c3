namespace AccountabilityBot.Core.Customers.Import;

/// <summary>
/// What an import did. <see cref="Written"/> is false when nothing was kept (a bad row without the partial option);
/// <see cref="Problems"/> lists every bad row up to <see cref="CustomerEventImporter.MaxProblemsListed"/>.
/// </summary>
public sealed record ImportReport(
    long Rows, int Inserted, int Updated, long Skipped, long Rejected, bool Written, IReadOnlyList<ImportProblem> Problems)
{
    public bool ProblemsTruncated => Rejected > Problems.Select(p => p.Line).Distinct().Count();

    public string Summary => Written
        ? $"{Inserted:N0} new and {Updated:N0} updated events from {RowCount(Rows)}"
          + (Skipped > 0 ? $"; {RowCount(Skipped)} were not closed deals and were skipped" : "")
          + (Rejected > 0 ? $"; {RowCount(Rejected)} with problems were left out" : "") + "."
        : Rejected == 0
            ? $"Nothing was imported: {Problems.FirstOrDefault()?.Reason ?? "the data could not be read."}"
            : $"Nothing was imported: {Rejected:N0} of {RowCount(Rows)} have problems. Fix them, or import the good rows with the partial option.";

    static string RowCount(long n) => n == 1 ? "1 row" : $"{n:N0} rows";
}
