using System.Diagnostics;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AccountabilityBot.Web.Tests.Persistence;

/// <summary>
/// The job server through an outage that ends its schedulers' sessions while they hold their locks: Hangfire's locks on
/// PostgreSQL are rows of hangfire.lock, which a session the database ended cannot delete. The schedulers take those
/// rows over within seconds, and a stop right after the outage ends well within Shutdown:Timeout (see
/// <see cref="JobsExtensions"/>).
/// </summary>
[Collection(BotProcessTests.Name)]
public sealed class DatabaseOutageJobServerTests
{
    static readonly string Left = $"SELECT count(*) FROM {JobsExtensions.HangfireSchema}.lock WHERE acquired <= @left";

    [PostgresFact]
    public async Task AStopRightAfterTheOutage_EndsWellWithinTheShutdownTimeout()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday), database.Settings());
        await OutageWhileTheSchedulersHoldTheirLocksAsync(app, database);
        // Back from the pause before their retry, the schedulers wait for the locks their ended sessions left.
        await Task.Delay(TimeSpan.FromSeconds(5));

        var stopping = Stopwatch.StartNew();
        await app.DisposeAsync(); // throws if the host's stop outlasts Shutdown:Timeout (30 s)
        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
    }

    [PostgresFact]
    public async Task AfterTheOutage_TheSchedulersTakeOverTheLocksTheirEndedSessionsLeft_WithinSeconds()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday), database.Settings());
        var left = await OutageWhileTheSchedulersHoldTheirLocksAsync(app, database);

        // Not ten minutes (Hangfire.PostgreSql's default), in which no delayed or recurring job would start.
        await Eventually.Async(async () => await CountAsync(database, Left, left) == 0 ? "" : null, TimeSpan.FromSeconds(25),
            "the schedulers to take over the locks left by their ended sessions");
    }

    /// <summary>Returns when the last lock row left behind was taken.</summary>
    static async Task<DateTime> OutageWhileTheSchedulersHoldTheirLocksAsync(BotApplication app, PostgresDatabase database)
    {
        await app.SayAsync("ana", "help"); // started, its job server polling
        // Under its lock each scheduler reads a set: a transaction holding that table keeps them there, holding their locks.
        await using (var holder = await OpenAsync(database))
        await using (var transaction = await holder.BeginTransactionAsync())
        {
            await using (var take = new NpgsqlCommand($"LOCK TABLE {JobsExtensions.HangfireSchema}.set IN ACCESS EXCLUSIVE MODE", holder, transaction))
                await take.ExecuteNonQueryAsync();
            await Eventually.Async(async () => await CountAsync(database, Held) == 2 ? "" : null, what: "both schedulers to hold their locks");
            DateTime latest;
            await using (var connection = await OpenAsync(database))
            await using (var read = new NpgsqlCommand($"SELECT max(acquired) FROM {JobsExtensions.HangfireSchema}.lock", connection))
                latest = (DateTime)(await read.ExecuteScalarAsync())!;
            await database.TakeDownAsync(); // ends the holder's session too, and the schedulers' with their locks held
            await database.BringBackAsync();
            return latest;
        }
    }

    static readonly string Held = $"SELECT count(*) FROM {JobsExtensions.HangfireSchema}.lock " +
        $"WHERE resource IN ('{JobsExtensions.HangfireSchema}:locks:schedulepoller', '{JobsExtensions.HangfireSchema}:recurring-jobs:lock')";

    static async Task<long> CountAsync(PostgresDatabase database, string sql, DateTime? left = null)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        if (left is { } at) command.Parameters.AddWithValue("left", at);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A connection of its own: the outage ends every pooled one.</summary>
    static async Task<NpgsqlConnection> OpenAsync(PostgresDatabase database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
