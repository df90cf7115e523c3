using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Resolutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// <see cref="IResolutionFastStore"/> on PostgreSQL, in the command writer's open transaction. Each call is one round
/// trip (an <see cref="NpgsqlBatch"/>): on a server across a socket the waits, not the statements, are what a command
/// costs, and the writer runs a batch's commands one after another. The statements keep their text, so Npgsql's
/// automatic preparation (Max Auto Prepare) parses and plans each once per connection. Rows are written as EF writes
/// them (enums by name, money as numeric, instants as UTC), and the tally trigger counts the resolution as for any writer
/// (into its transaction's own share of the hour: the week's count is summed from the shares, with no view between).
/// </summary>
public sealed class PostgresResolutionFastStore(AppDbContext db) : IResolutionFastStore
{
    const string Savepoint = "resolved_fast";

    static readonly string FindMember = SpeakerRow.Sql("$1", "$2");

    /// <summary>
    /// The inbox's insert and the resolution in one statement: no resolution (and no number taken from its sequence,
    /// which a rollback would not give back) for a copy of a delivery stored before, nor for one another instance's
    /// open transaction holds (<see cref="PostgresDeliveryClaim"/>), which the full way then leaves for after the
    /// batch. Values $1…$7 are the inbox row's.
    /// </summary>
    static readonly string ReceiveAndAdd = $"""
        WITH received AS (
        {InboxStatements.WithParameters(InboxStatements.When(PostgresDeliveryClaim.Condition, InboxStatements.Receive), "$", first: 1)}
        ), resolution AS (
        INSERT INTO "Resolutions" ("What", "CustomerName", "StageId", "Cost", "ById", "At")
        SELECT $8, $9, $10, $11, $12, $13 FROM received
        RETURNING "Id"
        )
        SELECT received."Value", resolution."Id" FROM received, resolution
        """;

    const string ResolvedSince = """
        SELECT COALESCE(SUM("Count"), 0)::integer FROM "ResolutionTallyShares" WHERE "Hour" >= $1
        """;

    const string AddAudit = """
        INSERT INTO "AuditTrail" ("At", "ActorId", "Platform", "Action", "Subject", "Summary")
        VALUES ($1, $2, $3, $4, $5, $6)
        """;

    const string Answer = """
        UPDATE "ReceivedCommands" SET "HandledAt" = $1, "ReplyJson" = $2 WHERE "Id" = $3
        """;

    public Member? FindSpeaker(ChatPlatform platform, string userId)
    {
        using var batch = Batch(Statement(FindMember, [Text, Text], platform.ToString(), userId));
        using var reader = batch.ExecuteReader();
        return SpeakerRow.Read(reader, platform);
    }

    /// <summary>The savepoint, the inbox row, the resolution and the tally in one round trip.</summary>
    public (int Id, int ResolvedSince)? Record(ReceivedCommand row, Resolution r, DateTime since)
    {
        try
        {
            using var batch = Batch(
                Statement($"SAVEPOINT {Savepoint}", []),
                Statement(ReceiveAndAdd, [Text, Text, Text, Text, Text, Instant, Text, Text, Text, Integer, Numeric, Integer, Instant],
                    [.. InboxStatements.Values(row), r.What, r.CustomerName, r.StageId, r.Cost, r.ById, r.At]),
                Statement(ResolvedSince, [Instant], since));
            using var reader = batch.ExecuteReader();
            (long Received, int Id)? stored = reader.Read() ? (reader.GetInt64(0), reader.GetInt32(1)) : null;
            reader.NextResult();
            var count = reader.Read() ? reader.GetInt32(0) : throw new InvalidOperationException("The tally returned no count.");
            reader.Close();
            if (stored is not var (received, id))
            {
                RollBack();
                return null;
            }
            row.Id = received;
            return (id, count);
        }
        catch
        {
            RollBack();
            throw;
        }
    }

    public void Keep(AuditEntry a, ReceivedCommand row)
    {
        using var batch = Batch(
            Statement(AddAudit, [Instant, Integer, Text, Text, Text, Text], a.At, a.ActorId, a.Platform.ToString(), a.Action, a.Subject, a.Summary),
            Statement(Answer, [Instant, Text, Bigint], row.HandledAt, row.ReplyJson, row.Id),
            Statement($"RELEASE {Savepoint}", []));
        batch.ExecuteNonQuery();
    }

    public void RollBack()
    {
        using var batch = Batch(Statement($"ROLLBACK TO {Savepoint}", []), Statement($"RELEASE {Savepoint}", []));
        batch.ExecuteNonQuery();
    }

    const NpgsqlDbType Text = NpgsqlDbType.Text, Integer = NpgsqlDbType.Integer, Bigint = NpgsqlDbType.Bigint,
        Numeric = NpgsqlDbType.Numeric, Instant = NpgsqlDbType.TimestampTz;

    /// <summary>
    /// One statement with these values as $1, $2, … Each parameter's type is given, so that a null (no customer, no
    /// cost) is sent with the same type as a value and the statement prepared once is used for both.
    /// </summary>
    static NpgsqlBatchCommand Statement(string sql, NpgsqlDbType[] types, params ReadOnlySpan<object?> values)
    {
        var command = new NpgsqlBatchCommand(sql);
        for (var i = 0; i < values.Length; i++)
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = types[i], Value = values[i] ?? DBNull.Value });
        return command;
    }

    NpgsqlBatch Batch(params ReadOnlySpan<NpgsqlBatchCommand> statements)
    {
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The lean path runs only inside the command writer's transaction.");
        var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), transaction);
        foreach (var statement in statements) batch.BatchCommands.Add(statement);
        return batch;
    }
}
