using System.Globalization;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// Upserts customer events into SQLite with prepared statements on the context's own connection and transaction:
/// EF's change tracker would cost more than the inserts at a million rows. Values are written exactly as the EF
/// model stores them (enum names, ISO dates, money in minor units), so EF reads them back unchanged.
/// </summary>
public sealed class SqliteCustomerEventStore(AppDbContext db, TimeProvider clock) : ICustomerEventStore
{
    public async Task<ICustomerEventWriter> OpenAsync(CancellationToken ct)
    {
        // Connection settings for a bulk write, made before the transaction (SQLite refuses temp_store inside one) and
        // undone when the writer is disposed, since the connection goes back to the pool:
        // - each upsert in a long transaction keeps a statement journal (to undo just itself on a constraint error); in a
        //   temp file that is ~15 writes a row, in memory it costs nothing;
        // - a 64 MB page cache keeps the index pages a big import touches in memory instead of spilling them to the WAL;
        // - foreign keys are not re-checked: every id the writer uses it has just read or written in this transaction,
        //   and without possible FK failures SQLite needs no statement journal at all.
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{ImportCacheKb}; PRAGMA foreign_keys = OFF;", ct);
        var transaction = await db.Database.BeginTransactionAsync(ct);
        var writer = new Writer(db, transaction, clock.GetUtcNow().UtcDateTime);
        writer.Prepare();
        return writer;
    }

    const int ImportCacheKb = 64 * 1024;

    sealed class Writer(AppDbContext db, IDbContextTransaction transaction, DateTime now) : ICustomerEventWriter
    {
        static readonly string[] KindNames = Enum.GetNames<CustomerEventKind>(); // stored by name, as the EF model does
        readonly SqliteConnection connection = (SqliteConnection)db.Database.GetDbConnection();
        readonly Dictionary<string, long> groups = new(StringComparer.OrdinalIgnoreCase);
        readonly Dictionary<string, long> customers = new(StringComparer.Ordinal);
        readonly string recordedAt = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        long countBefore, written;
        bool committed;
        SqliteCommand insertGroup = null!, upsertCustomerById = null!, findCustomerByName = null!, insertCustomer = null!,
            setCustomerGroup = null!, upsertEvent = null!, findEvent = null!, upsertStory = null!;

        public void Prepare()
        {
            countBefore = Count();
            using (var reader = Command("SELECT \"Id\", \"Name\" FROM \"CustomerGroups\"").ExecuteReader())
                while (reader.Read()) groups.TryAdd(reader.GetString(1), reader.GetInt64(0));
            insertGroup = Command("INSERT INTO \"CustomerGroups\" (\"Name\") VALUES ($name) RETURNING \"Id\"", "$name");
            upsertCustomerById = Command(
                "INSERT INTO \"Customers\" (\"Name\", \"ExternalId\", \"GroupId\") VALUES ($name, $ext, $group) " +
                "ON CONFLICT (\"ExternalId\") DO UPDATE SET \"Name\" = excluded.\"Name\", \"GroupId\" = COALESCE(excluded.\"GroupId\", \"GroupId\") " +
                "RETURNING \"Id\"", "$name", "$ext", "$group");
            findCustomerByName = Command("SELECT \"Id\" FROM \"Customers\" WHERE \"Name\" = $name ORDER BY \"Id\" LIMIT 1", "$name");
            insertCustomer = Command("INSERT INTO \"Customers\" (\"Name\", \"GroupId\") VALUES ($name, $group) RETURNING \"Id\"", "$name", "$group");
            setCustomerGroup = Command("UPDATE \"Customers\" SET \"GroupId\" = $group WHERE \"Id\" = $id", "$group", "$id");
            // One row per statement on purpose: a multi-row upsert needs a statement journal, which made imports slower.
            upsertEvent = Command(
                "INSERT INTO \"CustomerEvents\" " +
                "(\"CustomerId\", \"Kind\", \"OccurredOn\", \"AnnualValue\", \"Reason\", \"ReferredBy\", \"ExternalId\", \"RecordedAt\") " +
                "VALUES ($customer, $kind, $on, $value, $reason, $by, $ext, $at) " +
                "ON CONFLICT (\"ExternalId\") DO UPDATE SET \"CustomerId\" = excluded.\"CustomerId\", \"Kind\" = excluded.\"Kind\", " +
                "\"OccurredOn\" = excluded.\"OccurredOn\", \"AnnualValue\" = excluded.\"AnnualValue\", \"Reason\" = excluded.\"Reason\", " +
                "\"ReferredBy\" = excluded.\"ReferredBy\"",
                "$customer", "$kind", "$on", "$value", "$reason", "$by", "$ext", "$at");
            findEvent = Command("SELECT \"Id\" FROM \"CustomerEvents\" WHERE \"ExternalId\" = $ext", "$ext");
            upsertStory = Command(
                "INSERT INTO \"LostStories\" (\"CustomerEventId\", \"Narrative\", \"CreatedAt\") VALUES ($event, $text, $at) " +
                "ON CONFLICT (\"CustomerEventId\") DO UPDATE SET \"Narrative\" = excluded.\"Narrative\"", "$event", "$text", "$at");
        }

        public Task WriteAsync(IReadOnlyList<CustomerEventInput> batch, CancellationToken ct)
        {
            foreach (var e in batch)
            {
                ct.ThrowIfCancellationRequested();
                Exec(upsertEvent, CustomerId(e), KindNames[(int)e.Kind], e.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    SqliteAppDbContext.MinorUnitsConverter.ToMinorUnits(e.AnnualValue), e.Reason, e.ReferredBy, e.ExternalId, recordedAt);
            }
            written += batch.Count;
            // Only a lost customer's story needs the event's id; looking it up for those few beats RETURNING on every row.
            foreach (var e in batch)
                if (e.Story is not null && e.Kind == CustomerEventKind.Lost)
                    Exec(upsertStory, (long)Scalar(findEvent, e.ExternalId)!, e.Story, recordedAt);
            return Task.CompletedTask;
        }

        long CustomerId(CustomerEventInput e)
        {
            var key = e.CustomerId is null ? "n:" + e.CustomerName : "i:" + e.CustomerId;
            if (customers.TryGetValue(key, out var known)) return known;
            long? group = e.Group is null ? null : GroupId(e.Group);
            long id;
            if (e.CustomerId is not null)
                id = (long)Scalar(upsertCustomerById, e.CustomerName, e.CustomerId, group)!;
            else if (Scalar(findCustomerByName, e.CustomerName) is long found)
            {
                id = found;
                if (group is not null) Exec(setCustomerGroup, group, id);
            }
            else id = (long)Scalar(insertCustomer, e.CustomerName, group)!;
            customers[key] = id;
            return id;
        }

        long GroupId(string name)
        {
            if (groups.TryGetValue(name, out var id)) return id;
            return groups[name] = (long)Scalar(insertGroup, name)!;
        }

        long Count() => (long)Command("SELECT COUNT(*) FROM \"CustomerEvents\"").ExecuteScalar()!;

        public async Task<(int Inserted, int Updated)> CommitAsync(Func<int, int, string> auditSummary, CancellationToken ct)
        {
            var result = await CustomerImportCommit.FinishAsync(db, transaction, now, countBefore, Count(), written, auditSummary, ct);
            committed = true;
            return result;
        }

        public async ValueTask DisposeAsync()
        {
            SqliteCommand?[] commands =
                [insertGroup, upsertCustomerById, findCustomerByName, insertCustomer, setCustomerGroup, upsertEvent, findEvent, upsertStory];
            foreach (var c in commands)
                c?.Dispose();
            if (!committed) await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = DEFAULT; PRAGMA cache_size = -2000; PRAGMA foreign_keys = ON;");
            await db.Database.CloseConnectionAsync();
        }

        SqliteCommand Command(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = (SqliteTransaction)transaction.GetDbTransaction();
            command.CommandText = sql;
            foreach (var p in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = p });
            return command;
        }

        static object? Scalar(SqliteCommand command, params object?[] values)
        {
            Bind(command, values);
            return command.ExecuteScalar() is { } v and not DBNull ? v : null;
        }

        static void Exec(SqliteCommand command, params object?[] values)
        {
            Bind(command, values);
            command.ExecuteNonQuery();
        }

        static void Bind(SqliteCommand command, object?[] values)
        {
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
