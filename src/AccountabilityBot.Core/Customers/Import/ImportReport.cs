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
        ? $"{Inserted:N0} new and {Updated:N0} updated events from {Rows:N0} rows"
          + (Skipped > 0 ? $"; {Skipped:N0} rows were not closed deals and were skipped" : "")
          + (Rejected > 0 ? $"; {Rejected:N0} bad rows were left out" : "") + "."
        : $"Nothing was imported: {Rejected:N0} of {Rows:N0} rows have problems. Fix them, or import the good rows with the partial option.";
}
