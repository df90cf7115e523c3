using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Resolutions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// <see cref="IResolutionFastStore"/> on SQLite: prepared statements kept on the command writer's connection, run in
/// its open transaction. Rows are written as EF writes them (enums by name, money in cents, instants as EF's text),
/// and the tally triggers count the resolution as for any other writer.
/// </summary>
public sealed class SqliteResolutionFastStore(AppDbContext db, SqliteStatementCache statements) : IResolutionFastStore
{
    const string Savepoint = "resolved_fast";

    public Member? FindSpeaker(ChatPlatform platform, string userId)
    {
        using var reader = Run(SpeakerRow.Sql("$0", "$1"), platform.ToString(), userId).ExecuteReader();
        return SpeakerRow.Read(reader, platform);
    }

    public (int Id, int ResolvedSince)? Record(ReceivedCommand row, Resolution resolution, DateTime since)
    {
        Run($"SAVEPOINT {Savepoint}").ExecuteNonQuery();
        try
        {
            if (!TryReceive(row))
            {
                RollBack();
                return null;
            }
            return (Add(resolution), ResolvedSince(since));
        }
        catch
        {
            RollBack();
            throw;
        }
    }

    public void Keep(AuditEntry a, ReceivedCommand row)
    {
        Run("""
            INSERT INTO "AuditTrail" ("At", "ActorId", "Platform", "Action", "Subject", "Summary")
            VALUES ($0, $1, $2, $3, $4, $5)
            """, a.At, a.ActorId, a.Platform.ToString(), a.Action, a.Subject, a.Summary).ExecuteNonQuery();
        Run("""
            UPDATE "ReceivedCommands" SET "HandledAt" = $0, "ReplyJson" = $1 WHERE "Id" = $2
            """, row.HandledAt, row.ReplyJson, row.Id).ExecuteNonQuery();
        Run($"RELEASE {Savepoint}").ExecuteNonQuery();
    }

    public void RollBack() => Run($"ROLLBACK TO {Savepoint}; RELEASE {Savepoint}").ExecuteNonQuery();

    static readonly string Receive = InboxStatements.WithParameters(InboxStatements.Receive, "$");

    bool TryReceive(ReceivedCommand row)
    {
        var id = Run(Receive, InboxStatements.Values(row)).ExecuteScalar();
        if (id is null) return false;
        row.Id = (long)id;
        return true;
    }

    int Add(Resolution r) => (int)(long)Run("""
        INSERT INTO "Resolutions" ("What", "CustomerName", "StageId", "Cost", "ById", "At")
        VALUES ($0, $1, $2, $3, $4, $5)
        RETURNING "Id"
        """, r.What, r.CustomerName, r.StageId, r.Cost is { } cost ? SqliteAppDbContext.MinorUnitsConverter.ToMinorUnits(cost) : null, r.ById, r.At)
        .ExecuteScalar()!;

    int ResolvedSince(DateTime hour) => (int)(long)Run("""
        SELECT COALESCE(SUM("Count"), 0) FROM "ResolutionTallies" WHERE "Hour" >= $0
        """, hour).ExecuteScalar()!;

    /// <summary>The kept statement for this text, in the batch's transaction, with these values as $0, $1, …</summary>
    SqliteCommand Run(string sql, params ReadOnlySpan<object?> values)
    {
        var command = statements.Prepared((SqliteConnection)db.Database.GetDbConnection(), sql);
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The lean path runs only inside the command writer's transaction.");
        if (command.Parameters.Count != values.Length)
        {
            command.Parameters.Clear();
            for (var i = 0; i < values.Length; i++) command.Parameters.Add(new SqliteParameter("$" + i, null));
        }
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }
}
