using System.Data.Common;

namespace AccountabilityBot.Core.Persistence;

/// <summary>
/// Tells a database that could not be reached (down, restarting, refusing connections, the connection lost) from a
/// command that reached it and failed. The first is the operator's to fix and the sender's to send again; the second
/// is a bug worth a stack trace.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is DbException db)
                // A server's answer carries an SQLSTATE; only these say the connection, not the statement, failed.
                // Without one the provider itself failed to reach the server (a socket error, a timeout, SQLite busy).
                return db.SqlState is { } state ? IsConnectionState(state) : db.IsTransient;
        return false;
    }

    /// <summary>
    /// Class 08 (connection exception), 57P01–57P03 (shut down, crashed, starting up), 53300 (too many connections)
    /// and 55000, which PostgreSQL sends to a new connection while the database does not accept any.
    /// </summary>
    static bool IsConnectionState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300" or "55000";

    /// <summary>
    /// The connection itself died (the server ended the session or went away): unlike a busy or refusing database,
    /// trying again at once on a new connection may well work, and it cannot record twice where the inbox knows the
    /// delivery.
    /// </summary>
    public static bool ConnectionLost(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is DbException db)
                return db.SqlState is { } state
                    ? state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02"
                    : db.InnerException is IOException or System.Net.Sockets.SocketException;
        return false;
    }

    /// <summary>What went wrong in one line, for a log that should not carry a stack trace per failed command.</summary>
    public static string Reason(Exception error)
    {
        var e = error;
        while (e is not DbException && e.InnerException is { } inner) e = inner;
        return $"{e.GetType().Name}: {e.Message}";
    }
}
