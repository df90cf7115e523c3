namespace AccountabilityBot.Core.Customers.Import;

/// <summary>
/// Validates and writes customer events from any source (a CSV file, a webhook batch), streaming in batches inside one
/// transaction. By default one bad row keeps everything out; with <c>partial</c> the good rows are written and the bad
/// ones reported. The same event (by external id) twice in one source is a bad row; again in a later import, an update.
/// </summary>
public sealed class CustomerEventImporter(ICustomerEventStore store, CustomerDataSettings settings, TimeProvider clock)
{
    public const int BatchSize = 2_000;
    public const int MaxProblemsListed = 1_000;

    public Task<ImportReport> ImportCsvAsync(Stream csv, CsvMapping mapping, bool partial, string source, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        return ImportAsync(CustomerCsvReader.ReadAsync(csv, mapping, problems, ct), mapping.Columns, partial, source, problems, ct);
    }

    public async Task<ImportReport> ImportAsync(
        IAsyncEnumerable<SourceRow> rows, RawEvent columns, bool partial, string source, List<ImportProblem> problems, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var validator = new EventValidator(columns, settings.Currency, today);
        await using var writer = await store.OpenAsync(ct);
        var batch = new List<CustomerEventInput>(BatchSize);
        // The previous batch is written on another thread while this one is read and validated.
        var pending = Task.CompletedTask;
        // A 64-bit hash per external id keeps a million-row file's duplicate check to a few megabytes.
        var seen = new Dictionary<ulong, long>();
        var rowProblems = new List<(string Column, string Reason)>();
        long total = 0, skipped = 0, rejected = 0;

        try
        {
            await foreach (var row in rows.WithCancellation(ct))
            {
                total++;
                rowProblems.Clear();
                if (row.Unreadable is { } unreadable) rowProblems.Add(unreadable);
                else if (row.Raw is null) { skipped++; continue; }
                var input = row.Raw is null ? null : validator.Validate(row.Raw, rowProblems);
                if (input is not null && !seen.TryAdd(Fnv(input.ExternalId), row.Line))
                    rowProblems.Add((columns.ExternalId ?? "external id",
                        $"'{input.ExternalId}' is the same event as line {seen[Fnv(input.ExternalId)]}; each event may appear once"));
                if (rowProblems.Count > 0)
                {
                    rejected++;
                    foreach (var (column, reason) in rowProblems)
                        if (problems.Count < MaxProblemsListed) problems.Add(new ImportProblem(row.Line, column, reason));
                    continue;
                }
                if (rejected > 0 && !partial) continue; // keep validating to report every bad row, but write nothing more
                batch.Add(input!);
                if (batch.Count == BatchSize) await FlushAsync();
            }

            var written = problems.Count == 0 || (partial && rejected > 0);
            if (written)
            {
                await FlushAsync();
                await pending;
                var (inserted, updated) = await writer.CommitAsync(
                    (i, u) => $"{source}: {new ImportReport(total, i, u, skipped, rejected, true, problems).Summary}", ct);
                return new ImportReport(total, inserted, updated, skipped, rejected, true, problems);
            }
            return new ImportReport(total, 0, 0, skipped, rejected, false, problems);
        }
        finally
        {
            // Never roll back (dispose the writer) while a batch is still being written; its own failure, if any,
            // surfaced at the await that needed it.
            try { await pending; } catch (Exception) when (!pending.IsCompletedSuccessfully) { }
        }

        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            await pending;
            var full = batch;
            batch = new List<CustomerEventInput>(BatchSize);
            pending = Task.Run(() => writer.WriteAsync(full, ct), ct);
        }
    }

    static ulong Fnv(string s)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in s) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
