using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// Upserts customer events into PostgreSQL on the context's own connection and transaction, a batch of rows in one
/// round trip (EF's change tracker would cost more than the inserts at a million rows). Values are written as the EF
/// model stores them (enum names, dates, exact <c>numeric</c> money, UTC instants), so EF reads them back unchanged.
/// </summary>
public sealed class PostgresCustomerEventStore(AppDbContext db, TimeProvider clock) : ICustomerEventStore
{
    public async Task<ICustomerEventWriter> OpenAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var transaction = await db.Database.BeginTransactionAsync(ct);
        var writer = new Writer(db, transaction, clock.GetUtcNow().UtcDateTime);
        await writer.PrepareAsync(ct);
        return writer;
    }

    const string UpsertEvent = """
        INSERT INTO "CustomerEvents" ("CustomerId", "Kind", "OccurredOn", "AnnualValue", "Reason", "ReferredBy", "ExternalId", "RecordedAt")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT ("ExternalId") DO UPDATE SET "CustomerId" = excluded."CustomerId", "Kind" = excluded."Kind",
            "OccurredOn" = excluded."OccurredOn", "AnnualValue" = excluded."AnnualValue", "Reason" = excluded."Reason",
            "ReferredBy" = excluded."ReferredBy"
        """;

    // The story needs its event's id: read in the same statement, for the few lost customers that have one.
    const string UpsertStory = """
        INSERT INTO "LostStories" ("CustomerEventId", "Narrative", "CreatedAt")
        SELECT "Id", $2, $3 FROM "CustomerEvents" WHERE "ExternalId" = $1
        ON CONFLICT ("CustomerEventId") DO UPDATE SET "Narrative" = excluded."Narrative"
        """;

    sealed class Writer(AppDbContext db, IDbContextTransaction transaction, DateTime now) : ICustomerEventWriter
    {
        static readonly string[] KindNames = Enum.GetNames<CustomerEventKind>(); // stored by name, as the EF model does
        readonly NpgsqlConnection connection = (NpgsqlConnection)db.Database.GetDbConnection();
        readonly Dictionary<string, int> groups = new(StringComparer.OrdinalIgnoreCase);
        readonly Dictionary<string, int> customers = new(StringComparer.Ordinal);
        long countBefore, written;
        bool committed;

        public async Task PrepareAsync(CancellationToken ct)
        {
            countBefore = await CountAsync(ct);
            await using var reader = await Command("""SELECT "Id", "Name" FROM "CustomerGroups" """).ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) groups.TryAdd(reader.GetString(1), reader.GetInt32(0));
        }

        public async Task WriteAsync(IReadOnlyList<CustomerEventInput> batch, CancellationToken ct)
        {
            await using var events = new NpgsqlBatch(connection, Transaction);
            foreach (var e in batch)
                events.BatchCommands.Add(Statement(UpsertEvent, await CustomerIdAsync(e, ct), KindNames[(int)e.Kind], e.OccurredOn,
                    e.AnnualValue, e.Reason, e.ReferredBy, e.ExternalId, now));
            foreach (var e in batch)
                if (e.Story is not null && e.Kind == CustomerEventKind.Lost)
                    events.BatchCommands.Add(Statement(UpsertStory, e.ExternalId, e.Story, now));
            if (events.BatchCommands.Count > 0) await events.ExecuteNonQueryAsync(ct);
            written += batch.Count;
        }

        async Task<int> CustomerIdAsync(CustomerEventInput e, CancellationToken ct)
        {
            var key = e.CustomerId is null ? "n:" + e.CustomerName : "i:" + e.CustomerId;
            if (customers.TryGetValue(key, out var known)) return known;
            int? group = e.Group is null ? null : await GroupIdAsync(e.Group, ct);
            int id;
            if (e.CustomerId is not null)
                id = (int)(await ScalarAsync("""
                    INSERT INTO "Customers" ("Name", "ExternalId", "GroupId") VALUES ($1, $2, $3)
                    ON CONFLICT ("ExternalId") DO UPDATE SET "Name" = excluded."Name", "GroupId" = COALESCE(excluded."GroupId", "Customers"."GroupId")
                    RETURNING "Id"
                    """, ct, e.CustomerName, e.CustomerId, group))!;
            else if (await ScalarAsync("""SELECT "Id" FROM "Customers" WHERE "Name" = $1 ORDER BY "Id" LIMIT 1""", ct, e.CustomerName) is int found)
            {
                id = found;
                if (group is not null) await ScalarAsync("""UPDATE "Customers" SET "GroupId" = $1 WHERE "Id" = $2""", ct, group, id);
            }
            else id = (int)(await ScalarAsync("""INSERT INTO "Customers" ("Name", "GroupId") VALUES ($1, $2) RETURNING "Id" """, ct, e.CustomerName, group))!;
            return customers[key] = id;
        }

        async Task<int> GroupIdAsync(string name, CancellationToken ct)
        {
            if (groups.TryGetValue(name, out var id)) return id;
            return groups[name] = (int)(await ScalarAsync("""INSERT INTO "CustomerGroups" ("Name") VALUES ($1) RETURNING "Id" """, ct, name))!;
        }

        async Task<long> CountAsync(CancellationToken ct) => (long)(await ScalarAsync("""SELECT COUNT(*) FROM "CustomerEvents" """, ct))!;

        public async Task<(int Inserted, int Updated)> CommitAsync(Func<int, int, string> auditSummary, CancellationToken ct)
        {
            var result = await CustomerImportCommit.FinishAsync(db, transaction, now, countBefore, await CountAsync(ct), written, auditSummary, ct);
            committed = true;
            return result;
        }

        public async ValueTask DisposeAsync()
        {
            if (!committed) await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }

        NpgsqlTransaction Transaction => (NpgsqlTransaction)transaction.GetDbTransaction();

        NpgsqlCommand Command(string sql) => new(sql, connection, Transaction);

        async Task<object?> ScalarAsync(string sql, CancellationToken ct, params object?[] values)
        {
            await using var command = Command(sql);
            foreach (var v in values) command.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
            return await command.ExecuteScalarAsync(ct) is { } result and not DBNull ? result : null;
        }

        static NpgsqlBatchCommand Statement(string sql, params object?[] values)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var v in values) command.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
            return command;
        }
    }
}
