using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Slack;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Hosting;

public static class WarmUpExtensions
{
    /// <summary>
    /// The first command after a start pays for EF compiling its queries and saves and for the JIT; the host is still
    /// starting (database, cadence, job server, listener) on one core meanwhile. So one `help` runs now on the other core, against
    /// an in-memory copy of the schema, in a transaction that is rolled back: nothing reaches the real database. With
    /// Slack on, the bot's identity (auth.test, asked once anyway) is fetched too, which opens the connection to Slack's
    /// API that a new member's users.info then uses. Hosting:WarmUp=false turns it off.
    /// </summary>
    /// <param name="databaseReady">Start-up's migration: awaited first unless the file already has the current schema (a restart).</param>
    public static Task WarmUpCommandPathInBackground(this WebApplication app, Task databaseReady)
    {
        if (!app.Configuration.IsOn(Switches.WarmUp, true)) return Task.CompletedTask;
        // Each part on its own: one failing leaves the other's gain. The command first: it is the longer one.
        return Task.Run(async () =>
        {
            await TryAsync(app, "the command path", () => WarmUpAsync(app.Services, databaseReady));
            await TryAsync(app, "the Slack connection", async () =>
            {
                if (app.Services.GetService<SlackBotIdentity>() is not { } identity) return;
                await using var scope = app.Services.CreateAsyncScope();
                await identity.UserIdAsync(scope.ServiceProvider.GetRequiredService<SlackWebApi>(), CancellationToken.None);
            });
        });
    }

    static async Task TryAsync(WebApplication app, string what, Func<Task> warmUp)
    {
        try
        {
            await warmUp();
        }
        catch (Exception ex)
        {
            app.Logger.LogWarning(ex, "Warm-up of {What} failed; the first command will just be slower", what);
        }
    }

    internal static async Task WarmUpAsync(IServiceProvider services, Task databaseReady)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
        {
            // PostgreSQL has no in-memory copy to run on: the `help` runs on the migrated database itself, in a
            // transaction that is rolled back, so nothing of it stays. As on SQLite, a database that already has the
            // latest migration (a restart) is warmed up at once; a new or older one after start-up's migration.
            if (!await HasLatestMigrationAsync(db)) await databaseReady;
            await HelpInRolledBackTransactionAsync(scope.ServiceProvider, db);
            return;
        }
        var file = db.Database.GetConnectionString()!;
        // On a restart the file already has the latest migration: warm up now, while the host's own start-up work runs
        // on the other core. A new or older file is migrated first.
        var schema = await SchemaAsync(file, upTo: db.Database.GetMigrations().Last());
        if (schema is null)
        {
            await databaseReady;
            schema = await SchemaAsync(file, upTo: null) ?? throw new InvalidOperationException("The database has no schema after start-up's migration.");
        }
        await using var memory = new SqliteConnection("Data Source=:memory:");
        await memory.OpenAsync();
        foreach (var ddl in schema)
        {
            await using var create = memory.CreateCommand();
            create.CommandText = ddl;
            await create.ExecuteNonQueryAsync();
        }
        db.Database.SetDbConnection(memory, contextOwnsConnection: false);
        await HelpInRolledBackTransactionAsync(scope.ServiceProvider, db);
    }

    static async Task HelpInRolledBackTransactionAsync(IServiceProvider services, AppDbContext db)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Database.AutoSavepointsEnabled = false; // as in a CommandWriter batch, the path real commands take
        await services.GetRequiredService<CommandDispatcher>()
            .DispatchAsync(new InboundCommand(ChatPlatform.Local, "warm-up", "warm-up", "help", "warm-up", "warm-up"), CancellationToken.None);
        await tx.RollbackAsync();
    }

    /// <summary>
    /// The CREATE statements of the real database's tables, indexes and triggers (in that order), read (not changed)
    /// from its file; null if the file is missing or, given <paramref name="upTo"/>, that migration is not applied yet.
    /// </summary>
    static async Task<List<string>?> SchemaAsync(string connectionString, string? upTo)
    {
        await using var real = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
        try
        {
            await real.OpenAsync();
            if (upTo is not null && !await HasMigrationAsync(real, upTo)) return null;
        }
        catch (SqliteException)
        {
            return null; // no file yet, or no migration history in it
        }
        await using var read = real.CreateCommand();
        read.CommandText = "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' " +
            "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END";
        var statements = new List<string>();
        await using var rows = await read.ExecuteReaderAsync();
        while (await rows.ReadAsync()) statements.Add(rows.GetString(0));
        return statements;
    }

    static async Task<bool> HasLatestMigrationAsync(AppDbContext db)
    {
        try
        {
            return (await db.Database.GetAppliedMigrationsAsync()).Contains(db.Database.GetMigrations().Last());
        }
        catch (System.Data.Common.DbException)
        {
            return false; // not reachable yet: start-up's migration says more
        }
    }

    static async Task<bool> HasMigrationAsync(SqliteConnection db, string migrationId)
    {
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT 1 FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = $id";
        query.Parameters.AddWithValue("$id", migrationId);
        return await query.ExecuteScalarAsync() is not null;
    }
}
