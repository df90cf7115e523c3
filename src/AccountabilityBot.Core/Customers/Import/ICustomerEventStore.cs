namespace AccountabilityBot.Core.Customers.Import;

/// <summary>
/// Writes validated customer events fast: each provider does it its own way (SQLite: prepared upserts in one
/// transaction). Customers are matched by their id, else by exact name; events by <see cref="CustomerEventInput.ExternalId"/>.
/// </summary>
public interface ICustomerEventStore
{
    /// <summary>Starts one transaction; nothing is visible to others until <see cref="ICustomerEventWriter.CommitAsync"/>.</summary>
    Task<ICustomerEventWriter> OpenAsync(CancellationToken ct);
}

public interface ICustomerEventWriter : IAsyncDisposable
{
    /// <summary>Upserts a batch; returns how many events were new and how many were updated.</summary>
    Task<(int Inserted, int Updated)> WriteAsync(IReadOnlyList<CustomerEventInput> batch, CancellationToken ct);

    /// <summary>Records the audit entry and commits. Disposing without committing rolls everything back.</summary>
    Task CommitAsync(string auditSummary, CancellationToken ct);
}
