using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// Prepares each SQL text once per open connection. Microsoft.Data.Sqlite keeps a compiled statement only inside the
/// command object that compiled it, and EF makes a new command for every execution, so SQLite would parse and plan the
/// same few statements again for every chat command (dotnet/efcore#14044); keeping them cut the Slack load bench's
/// CPU per command by about an eighth. This
/// runs EF's command through a kept command with the same text on the same connection instead, with EF's parameters
/// and transaction. The kept commands go when the connection closes, so nothing outlives the connection's use.
/// </summary>
public sealed class SqliteStatementCache : DbCommandInterceptor
{
    /// <summary>Enough for every statement of a command's path; past it, further texts run uncached.</summary>
    public const int MaxPerConnection = 64;

    readonly ConditionalWeakTable<DbConnection, Dictionary<string, SqliteCommand>> byConnection = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        KeptFor(command) is { } kept ? InterceptionResult<DbDataReader>.SuppressWithResult(kept.ExecuteReader()) : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        KeptFor(command) is { } kept ? InterceptionResult<int>.SuppressWithResult(kept.ExecuteNonQuery()) : result;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        KeptFor(command) is { } kept ? InterceptionResult<object>.SuppressWithResult(kept.ExecuteScalar()!) : result;

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    /// <summary>Test view: the SQL texts kept for a connection.</summary>
    internal IReadOnlyCollection<string> KeptTexts(DbConnection connection) =>
        byConnection.TryGetValue(connection, out var kept) ? kept.Keys : [];

    /// <summary>The kept command for this text on this connection, loaded with this execution's parameters.</summary>
    SqliteCommand? KeptFor(DbCommand command)
    {
        if (command is not SqliteCommand { Connection: { } connection } sqlite) return null;
        var kept = byConnection.GetValue(connection, Track);
        if (!kept.TryGetValue(sqlite.CommandText, out var cached))
        {
            if (kept.Count >= MaxPerConnection) return null;
            cached = connection.CreateCommand();
            cached.CommandText = sqlite.CommandText;
            kept.Add(sqlite.CommandText, cached);
        }
        cached.Transaction = sqlite.Transaction;
        cached.CommandTimeout = sqlite.CommandTimeout;
        cached.Parameters.Clear();
        foreach (SqliteParameter parameter in sqlite.Parameters) cached.Parameters.Add(parameter);
        return cached;
    }

    // A closed connection's statements are finalized (the handle may go back to the pool), so its kept commands go too.
    static Dictionary<string, SqliteCommand> Track(DbConnection connection)
    {
        var kept = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState != System.Data.ConnectionState.Closed) return;
            foreach (var command in kept.Values) command.Dispose();
            kept.Clear();
        };
        return kept;
    }
}
