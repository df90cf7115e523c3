using System.Data.Common;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// When a connection is found dead (the server restarted, or ended its sessions), the pool's idle connections died with
/// it, yet Npgsql only finds out when each is next used. Dropping them at the first failure means that once the server
/// is back, the next command (and Hangfire, which shares the pool) opens a new connection instead of meeting another
/// dead one and answering "nothing was recorded" to a command that could have been stored.
/// </summary>
public sealed class PostgresConnectionLoss : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Lost(connection, eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Lost(connection, eventData.Exception);

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Lost(eventData.Connection, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Lost(eventData.Connection, eventData.Exception);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Lost(transaction.Connection, eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Lost(transaction.Connection, eventData.Exception);

    static Task Lost(DbConnection? connection, Exception error)
    {
        if (connection is NpgsqlConnection npgsql && DatabaseUnavailable.Is(error)) NpgsqlConnection.ClearPool(npgsql);
        return Task.CompletedTask;
    }
}
