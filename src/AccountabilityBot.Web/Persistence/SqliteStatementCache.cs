using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// Prepares each SQL text once per open connection. Microsoft.Data.Sqlite keeps a compiled statement only inside the
/// command object that compiled it, and EF makes a new command for every execution, so SQLite would parse and plan the
/// same few statements again for every chat command (dotnet/efcore#14044). This runs EF's command through a kept
/// command with the same text on the same connection instead, with EF's parameters and transaction (bench/README.md
/// has what it saves). The kept commands go when the connection closes.
/// </summary>
public sealed class SqliteStatementCache : DbCommandInterceptor
{
    /// <summary>Enough for every statement of a command's path; past it, further texts run uncached.</summary>
    public const int MaxPerConnection = 64;

    /// <summary>A kept command, and the reader it has open (a query of the same text inside it runs uncached).</summary>
    sealed class Kept(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;
        public DbDataReader? OpenReader { get; set; }
    }

    readonly ConditionalWeakTable<DbConnection, Dictionary<string, Kept>> byConnection = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (KeptFor(command) is not { } kept) return result;
        kept.OpenReader = kept.Command.ExecuteReader();
        return InterceptionResult<DbDataReader>.SuppressWithResult(kept.OpenReader);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (command.Connection is { } connection && byConnection.TryGetValue(connection, out var kept)
            && kept.TryGetValue(command.CommandText, out var entry) && entry.OpenReader == eventData.DataReader)
            entry.OpenReader = null;
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        KeptFor(command) is { } kept ? InterceptionResult<int>.SuppressWithResult(kept.Command.ExecuteNonQuery()) : result;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        KeptFor(command) is { } kept ? InterceptionResult<object>.SuppressWithResult(kept.Command.ExecuteScalar()!) : result;

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    /// <summary>Test view: the SQL texts kept for a connection.</summary>
    internal IReadOnlyCollection<string> KeptTexts(DbConnection connection) =>
        byConnection.TryGetValue(connection, out var kept) ? kept.Keys : [];

    /// <summary>
    /// The kept, prepared command for a fixed SQL text of our own (not subject to <see cref="MaxPerConnection"/>: the
    /// caller's texts are a known few). The caller sets its transaction and parameters.
    /// </summary>
    public SqliteCommand Prepared(SqliteConnection connection, string text) => EntryFor(connection, text, limited: false)!.Command;

    /// <summary>The kept command for this text on this connection, loaded with this execution's parameters; null to run
    /// EF's own command (past the limit, or while the kept one still has a reader open).</summary>
    Kept? KeptFor(DbCommand command)
    {
        if (command is not SqliteCommand { Connection: { } connection } sqlite) return null;
        if (EntryFor(connection, sqlite.CommandText, limited: true) is not { OpenReader: null } entry) return null;
        var cached = entry.Command;
        cached.Transaction = sqlite.Transaction;
        cached.CommandTimeout = sqlite.CommandTimeout;
        cached.Parameters.Clear();
        foreach (SqliteParameter parameter in sqlite.Parameters) cached.Parameters.Add(parameter);
        return entry;
    }

    Kept? EntryFor(SqliteConnection connection, string text, bool limited)
    {
        var kept = byConnection.GetValue(connection, Track);
        if (kept.TryGetValue(text, out var entry)) return entry;
        if (limited && kept.Count >= MaxPerConnection) return null;
        var created = connection.CreateCommand();
        created.CommandText = text;
        kept.Add(text, entry = new Kept(created));
        return entry;
    }

    // A closed connection's statements are finalized (the handle may go back to the pool), so its kept commands go too.
    static Dictionary<string, Kept> Track(DbConnection connection)
    {
        var kept = new Dictionary<string, Kept>(StringComparer.Ordinal);
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState != System.Data.ConnectionState.Closed) return;
            foreach (var entry in kept.Values) entry.Command.Dispose();
            kept.Clear();
        };
        return kept;
    }
}
