using AccountabilityBot.Core.Commands;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using NpgsqlTypes;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>
/// The two waits that made two instances' command batches deadlock, each taken apart on a real PostgreSQL database with
/// two open transactions, as two instances' writers hold them: counting resolutions of the same hour, and storing two
/// copies of one delivery; and, as an import beside a chat command, counting customer events of the same month. Each
/// session gives up on any lock it waits for after a short lock_timeout, so a wait fails.
/// </summary>
[Collection(WebTests.Name)]
public sealed class PostgresContentionTests
{
    [PostgresFact]
    public async Task TwoOpenTransactions_CountResolutionsOfOneHour_WithoutWaiting_AndTheHourSumsBoth()
    {
        await using var host = await ProviderApp.CreateAsync("Postgres", new FakeTimeProvider(BotApplication.Thursday));
        await host.App.SayAsync("ana", "help");
        var database = host.Database!;
        var hour = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
        await using var first = await OpenAsync(database);
        await using var second = await OpenAsync(database);
        await using var one = await first.BeginTransactionAsync();
        await using var two = await second.BeginTransactionAsync();
        await AddResolutionAsync(first, "first", hour.AddMinutes(5));
        await AddResolutionAsync(second, "second", hour.AddMinutes(10)); // waited for the first's commit, one row per hour
        await AddResolutionAsync(first, "third", hour.AddMinutes(15));
        await two.CommitAsync();
        await one.CommitAsync();

        Assert.Equal(3L, await database.ScalarAsync<long>($"""SELECT "Count"::bigint FROM "ResolutionTallies" WHERE "Hour" = '{hour:O}'"""));
        Assert.Equal(2L, await database.ScalarAsync<long>($"""SELECT COUNT(*) FROM "ResolutionTallyShares" WHERE "Hour" = '{hour:O}'"""));
    }

    [PostgresFact]
    public async Task TwoOpenTransactions_CountCustomerEventsOfOneMonth_WithoutWaiting_AndTheMonthSumsBoth()
    {
        await using var host = await ProviderApp.CreateAsync("Postgres", new FakeTimeProvider(BotApplication.Thursday));
        await host.App.SayAsync("ana", "help");
        var database = host.Database!;
        await database.ScalarAsync<int>("""INSERT INTO "Customers" ("Name") VALUES ('Acme') RETURNING "Id" """);
        await using var first = await OpenAsync(database);
        await using var second = await OpenAsync(database);
        await using var one = await first.BeginTransactionAsync();
        await using var two = await second.BeginTransactionAsync();
        await AddWonAsync(first, "E-1", new DateOnly(2026, 11, 2));
        await AddWonAsync(second, "E-2", new DateOnly(2026, 11, 3)); // another day, but the month's row: waited with one row a month
        await two.CommitAsync();
        await one.CommitAsync();

        Assert.Equal(2L, await database.ScalarAsync<long>("""SELECT SUM("Count") FROM "CustomerMonthTotals" WHERE "Month" = '2026-11-01'"""));
        Assert.Equal(2L, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM "CustomerMonthTotals" WHERE "Month" = '2026-11-01'"""));
    }

    [PostgresFact]
    public async Task ACopyOfADeliveryAnotherOpenTransactionStored_IsNotWaitedFor_WhenClaimed_AndFoundAfterItsCommit()
    {
        await using var host = await ProviderApp.CreateAsync("Postgres", new FakeTimeProvider(BotApplication.Thursday));
        await host.App.SayAsync("ana", "help"); // the host started: its migrations applied
        var database = host.Database!;
        await using var first = await OpenAsync(database);
        await using var second = await OpenAsync(database);
        await using var one = await first.BeginTransactionAsync();
        await using var two = await second.BeginTransactionAsync();
        Assert.NotNull(await ReceiveAsync(first, "d-1", claimed: true));

        await ExecuteAsync(second, "SAVEPOINT unclaimed");
        // Without the claim, the copy waits for the first transaction's commit (here, until lock_timeout).
        var waited = await Assert.ThrowsAsync<PostgresException>(() => ReceiveAsync(second, "d-1", claimed: false));
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, waited.SqlState);
        await ExecuteAsync(second, "ROLLBACK TO unclaimed");
        // With it, nothing is stored and nothing waited for; the row is not to be seen yet.
        Assert.Null(await ReceiveAsync(second, "d-1", claimed: true));
        Assert.Equal(0L, await ScalarAsync(second, """SELECT COUNT(*) FROM "ReceivedCommands" WHERE "DeliveryId" = 'd-1'"""));

        await one.CommitAsync();
        // Run again after the first's commit: the copy meets the stored row (not run again) and sees it.
        Assert.Null(await ReceiveAsync(second, "d-1", claimed: true));
        Assert.Equal(1L, await ScalarAsync(second, """SELECT COUNT(*) FROM "ReceivedCommands" WHERE "DeliveryId" = 'd-1'"""));
        await two.CommitAsync();
    }

    static async Task<NpgsqlConnection> OpenAsync(PostgresDatabase database)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SET lock_timeout = '500ms'");
        return connection;
    }

    static async Task AddResolutionAsync(NpgsqlConnection connection, string what, DateTime at)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO "Resolutions" ("What", "ById", "At") SELECT $1, MIN("Id"), $2 FROM "Members"
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = what });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = at });
        await command.ExecuteNonQueryAsync();
    }

    static async Task AddWonAsync(NpgsqlConnection connection, string externalId, DateOnly on)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO "CustomerEvents" ("CustomerId", "Kind", "OccurredOn", "AnnualValue", "ExternalId", "RecordedAt")
            SELECT MIN("Id"), 'Won', $1, 100, $2, now() FROM "Customers"
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = on });
        command.Parameters.Add(new NpgsqlParameter { Value = externalId });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The inbox's insert of a delivery as the writer sends it, with or without PostgreSQL's claim; the row's id, or null.</summary>
    static async Task<long?> ReceiveAsync(NpgsqlConnection connection, string delivery, bool claimed)
    {
        var statement = claimed ? InboxStatements.When(PostgresDeliveryClaim.Condition, InboxStatements.Receive) : InboxStatements.Receive;
        await using var command = new NpgsqlCommand(InboxStatements.WithParameters(statement, "$", first: 1), connection);
        object?[] values = ["Local", delivery, "frontline", "ana", "resolved \"x\"", BotApplication.Thursday.UtcDateTime, null];
        NpgsqlDbType[] types = [.. Enumerable.Repeat(NpgsqlDbType.Text, 5), NpgsqlDbType.TimestampTz, NpgsqlDbType.Text];
        for (var i = 0; i < values.Length; i++)
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = types[i], Value = values[i] ?? DBNull.Value });
        return await command.ExecuteScalarAsync() is long id ? id : null;
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
