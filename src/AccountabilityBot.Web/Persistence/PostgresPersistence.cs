using System.Data.Common;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Resolutions;
using AccountabilityBot.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace AccountabilityBot.Web.Persistence;

/// <summary>
/// Database:Provider=Postgres: the records in the database named by ConnectionStrings:Accountability. What SQLite
/// needs on its own (busy timeout, statement cache, data folder checks) has no counterpart here: PostgreSQL waits for
/// locks itself and Npgsql prepares repeated statements (Max Auto Prepare). The lean `resolved` store has its own
/// counterpart (PostgresResolutionFastStore), with the same rows and answers as SQLite's.
/// </summary>
public static class PostgresPersistence
{
    public const int DefaultMaxAutoPrepare = 64;

    internal static void AddPostgres(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ICustomerEventStore, PostgresCustomerEventStore>();
        // Several instances may share this database, and the platforms count their posts together.
        builder.Services.AddSingleton<ISendPacing, PostgresSendPacing>();
        builder.Services.AddSingleton<PostgresConnectionLoss>();
        // A copy of a delivery another instance holds uncommitted is run again after the batch, not waited for in it.
        builder.Services.AddSingleton(PostgresDeliveryClaim.Claim);
        // No retrying execution strategy (EnableRetryOnFailure): a command's transaction whose commit lost its answer
        // may have been stored, and running it again blindly would record it twice. The CommandWriter runs it again
        // itself, once, where the inbox recognises a delivery already stored.
        // The frontline's `resolved` in plain prepared SQL inside the command writer (see ResolvedFastPath).
        builder.Services.AddScoped<IResolutionFastStore, PostgresResolutionFastStore>();
        builder.Services.AddScoped<ResolvedFastPath>();
        builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, options) => options
            .UseNpgsql(ConnectionString(sp.GetRequiredService<IConfiguration>()))
            .AddInterceptors(sp.GetRequiredService<PostgresConnectionLoss>())
            // Whoever used the connection logs its failure once, saying what it was doing; EF's own line (an error
            // with a stack trace for every connection attempt while the server is down) would only repeat it.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning).Log((RelationalEventId.ConnectionError, LogLevel.Debug))),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
    }

    /// <summary>
    /// ConnectionStrings:Accountability, with Npgsql's automatic preparation on unless it is set (the same few
    /// statements run for every command, and a prepared one skips the server's parse and plan), and a connect timeout
    /// and keepalive suited to riding out a database restart unless they are set.
    /// </summary>
    public static string ConnectionString(IConfiguration config)
    {
        var configured = config.GetConnectionString("Accountability") ?? "";
        var given = new DbConnectionStringBuilder { ConnectionString = configured };
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!Given(given, "Max Auto Prepare")) builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        // A server that does not answer at all (a failover, a network partition) is given up on within Slack's and
        // Teams' patience, and the command answered "nothing was recorded", rather than after Npgsql's 15 s.
        if (!Given(given, "Timeout", "Connect Timeout", "Connection Timeout")) builder.Timeout = DefaultConnectTimeoutSeconds;
        // Idle connections are checked now and then, so one the server dropped without a word is gone from the pool
        // before a command is given it.
        if (!Given(given, "Keepalive")) builder.KeepAlive = DefaultKeepaliveSeconds;
        return builder.ConnectionString;
    }

    /// <summary>
    /// On PostgreSQL, instances starting together take turns to migrate, under an advisory lock held until the returned
    /// connection is disposed: EF's own lock lasts one migration's transaction, so a second instance could plan a
    /// migration the first is about to apply ("relation already exists"). Null on SQLite (one instance).
    /// </summary>
    public static async Task<IAsyncDisposable?> MigrationTurnAsync(AppDbContext db)
    {
        if (!db.Database.IsNpgsql()) return null;
        // Unpooled: closing it ends the session, and with it the lock (a pooled one would keep it until reused).
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection)) await take.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Any fixed number, the same in every instance: the advisory lock behind applying migrations.</summary>
    const long MigrationLock = 0x4ab07_319a7e;
    public const int DefaultConnectTimeoutSeconds = 5;
    public const int DefaultKeepaliveSeconds = 30;

    static bool Given(DbConnectionStringBuilder given, params string[] keys) =>
        keys.Any(key => given.ContainsKey(key) || given.ContainsKey(key.Replace(" ", "")));

    /// <summary>A connection string Npgsql understands and that names a server; what is wrong with it otherwise.</summary>
    public static string? Problem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return "ConnectionStrings:Accountability is required with Database:Provider=Postgres; " +
                "use e.g. Host=db.example.internal;Database=accountability;Username=accountability;Password=….";
        try
        {
            return string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host)
                ? "ConnectionStrings:Accountability names no PostgreSQL server; add e.g. Host=db.example.internal."
                : null;
        }
        catch (ArgumentException ex)
        {
            return $"ConnectionStrings:Accountability is not a PostgreSQL connection string ({ex.Message}); " +
                "use e.g. Host=db.example.internal;Database=accountability;Username=accountability;Password=….";
        }
    }
}
