namespace AccountabilityBot.Core.Customers.Import;

/// <summary>
/// Writes validated customer events fast, in one transaction: each provider does it its own way (SQLite: prepared
/// upserts row by row; PostgreSQL: each batch copied into a staging table and upserted from it in one statement).
/// Customers are matched by their id, else by exact name; events by <see cref="CustomerEventInput.ExternalId"/>.
/// </summary>
public interface ICustomerEventStore
{
    /// <summary>Starts one transaction; nothing is visible to others until <see cref="ICustomerEventWriter.CommitAsync"/>.</summary>
    Task<ICustomerEventWriter> OpenAsync(CancellationToken ct);
}

public interface ICustomerEventWriter : IAsyncDisposable
{
    /// <summary>Upserts a batch.</summary>
    Task WriteAsync(IReadOnlyList<CustomerEventInput> batch, CancellationToken ct);

    /// <summary>
    /// Records the audit entry (its text made from how many events were new and how many updated) and commits;
    /// returns those counts. Disposing without committing rolls everything back.
    /// </summary>
    Task<(int Inserted, int Updated)> CommitAsync(Func<int, int, string> auditSummary, CancellationToken ct);
}
