using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// Waits for a busy database instead of failing at once: the bot, Hangfire's workers and a CLI import may write at the
/// same moment. (WAL mode is set once on the file at start-up; it persists.)
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public const int BusyTimeoutMs = 5000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMs};";
        command.ExecuteNonQuery();
    }
}
