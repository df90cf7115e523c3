using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// Upserts customer events into PostgreSQL on the context's own connection and transaction. Each batch is copied in
/// binary (COPY) into a temporary table and upserted from there in one statement: a statement per row costs a round
/// trip and an executor start each, which made a million rows take hours on a busy machine. Values are written as the
/// EF model stores them (enum names, dates, exact <c>numeric</c> money, UTC instants), so EF reads them back unchanged.
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

    // The staging table has the target's column types, so a value the table would refuse is refused the same way.
    // Dropped at commit, and its creation undone by a rollback: a pooled connection never keeps it.
    const string CreateStaging = """
        CREATE TEMP TABLE import_events (
            ord integer NOT NULL, customer_id integer NOT NULL, kind character varying(32) NOT NULL, occurred_on date NOT NULL,
            annual_value numeric(18,2) NOT NULL, reason character varying(2000), referred_by character varying(200),
            external_id character varying(200) NOT NULL, story text) ON COMMIT DROP
        """;

    // The import's statements set their month sums aside, counted into CustomerMonthTotals once before the commit: each
    // batch would update nearly every month row again, and in one open transaction every update walks the row's earlier
    // versions (see the DeferredMonthTotals migration).
    const string DeferMonths = """SELECT "CustomerMonthTotals_Defer"()""", CountMonths = """SELECT "CustomerMonthTotals_CountDeferred"()""";

    const string CopyStaging =
        "COPY import_events (ord, customer_id, kind, occurred_on, annual_value, reason, referred_by, external_id, story) FROM STDIN (FORMAT BINARY)";

    // External ids are distinct within an import (the importer refuses a second copy), so no row is upserted twice by
    // one statement. In the file's order, so new events are numbered as SQLite numbers them.
    const string UpsertEvents = """
        INSERT INTO "CustomerEvents" ("CustomerId", "Kind", "OccurredOn", "AnnualValue", "Reason", "ReferredBy", "ExternalId", "RecordedAt")
        SELECT customer_id, kind, occurred_on, annual_value, reason, referred_by, external_id, $1 FROM import_events ORDER BY ord
        ON CONFLICT ("ExternalId") DO UPDATE SET "CustomerId" = excluded."CustomerId", "Kind" = excluded."Kind",
            "OccurredOn" = excluded."OccurredOn", "AnnualValue" = excluded."AnnualValue", "Reason" = excluded."Reason",
            "ReferredBy" = excluded."ReferredBy"
        """;

    // Only a lost customer's story is kept; it needs its event's id, looked up by external id for those few rows (a
    // subquery per row: as a join, the planner, knowing nothing of the staging table, scanned every event).
    const string UpsertStories = """
        INSERT INTO "LostStories" ("CustomerEventId", "Narrative", "CreatedAt")
        SELECT (SELECT e."Id" FROM "CustomerEvents" e WHERE e."ExternalId" = s.external_id), s.story, $1
        FROM import_events s WHERE s.story IS NOT NULL ORDER BY s.ord
        ON CONFLICT ("CustomerEventId") DO UPDATE SET "Narrative" = excluded."Narrative"
        """;

    // What autovacuum would do a while later: without statistics, the reviews' first plans after a big import took
    // several times as long. Inside the transaction, so they appear with the rows.
    const string Analyze = """ANALYZE "Customers", "CustomerEvents", "LostStories", "CustomerDayTotals", "CustomerMonthTotals" """;

    sealed class Writer(AppDbContext db, IDbContextTransaction transaction, DateTime now) : ICustomerEventWriter
    {
        static readonly string[] KindNames = Enum.GetNames<CustomerEventKind>(); // stored by name, as the EF model does
        readonly NpgsqlConnection connection = (NpgsqlConnection)db.Database.GetDbConnection();
        PostgresImportCustomers customers = null!;
        long countBefore, written;
        bool committed;

        NpgsqlTransaction Transaction => (NpgsqlTransaction)transaction.GetDbTransaction();

        public async Task PrepareAsync(CancellationToken ct)
        {
            countBefore = await CountAsync(ct);
            customers = new PostgresImportCustomers(connection, Transaction);
            await customers.LoadGroupsAsync(ct);
            await using var prepare = new NpgsqlBatch(connection, Transaction)
            {
                BatchCommands = { new NpgsqlBatchCommand(CreateStaging), new NpgsqlBatchCommand(DeferMonths) },
            };
            await prepare.ExecuteNonQueryAsync(ct);
        }

        public async Task WriteAsync(IReadOnlyList<CustomerEventInput> batch, CancellationToken ct)
        {
            var customerIds = await customers.IdsAsync(batch, ct);
            await using (var copy = await connection.BeginBinaryImportAsync(CopyStaging, ct))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var e = batch[i];
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(i, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(customerIds[i], NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(KindNames[(int)e.Kind], NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(e.OccurredOn, NpgsqlDbType.Date, ct);
                    await copy.WriteAsync(e.AnnualValue, NpgsqlDbType.Numeric, ct);
                    await WriteTextAsync(copy, e.Reason, ct);
                    await WriteTextAsync(copy, e.ReferredBy, ct);
                    await copy.WriteAsync(e.ExternalId, NpgsqlDbType.Varchar, ct);
                    await WriteTextAsync(copy, e.Kind == CustomerEventKind.Lost ? e.Story : null, ct);
                }
                await copy.CompleteAsync(ct);
            }
            await using var upsert = new NpgsqlBatch(connection, Transaction)
            {
                BatchCommands = { Statement(UpsertEvents, now), Statement(UpsertStories, now), new NpgsqlBatchCommand("TRUNCATE import_events") },
            };
            await upsert.ExecuteNonQueryAsync(ct);
            written += batch.Count;
        }

        static async Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
        {
            if (value is null) await copy.WriteNullAsync(ct);
            else await copy.WriteAsync(value, NpgsqlDbType.Text, ct);
        }

        async Task<long> CountAsync(CancellationToken ct)
        {
            await using var command = new NpgsqlCommand("""SELECT COUNT(*) FROM "CustomerEvents" """, connection, Transaction);
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }

        public async Task<(int Inserted, int Updated)> CommitAsync(Func<int, int, string> auditSummary, CancellationToken ct)
        {
            var countAfter = await CountAsync(ct);
            await using (var months = new NpgsqlCommand(CountMonths, connection, Transaction))
                await months.ExecuteNonQueryAsync(ct);
            if (written > 50 + countBefore / 10) // rows changed: autovacuum's own threshold for a new analyze
            {
                await using var analyze = new NpgsqlCommand(Analyze, connection, Transaction);
                await analyze.ExecuteNonQueryAsync(ct);
            }
            var result = await CustomerImportCommit.FinishAsync(db, transaction, now, countBefore, countAfter, written, auditSummary, ct);
            committed = true;
            return result;
        }

        public async ValueTask DisposeAsync()
        {
            if (!committed) await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }

        static NpgsqlBatchCommand Statement(string sql, DateTime at) =>
            new(sql) { Parameters = { new NpgsqlParameter { Value = at, NpgsqlDbType = NpgsqlDbType.TimestampTz } } };
    }
}
