using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Resolutions;
using AccountabilityBot.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Persistence;

public static class PersistenceExtensions
{
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<DatabaseSettings>(DatabaseSettings.SectionName)
            .PostConfigure<IHostEnvironment>((s, host) => s.DataDirectory = Resolve(s.DataDirectory, host.ContentRootPath))
            .Validate<IConfiguration>((s, config) => s.IsPostgres || IsReadable(config.GetConnectionString("Accountability")),
                "ConnectionStrings:Accountability is not a SQLite connection string; " +
                "use e.g. Data Source=/var/lib/accountabilitybot/accountability.db, or remove it.");
        builder.Services.AddSingleton<IValidateOptions<DatabaseSettings>, PostgresConnectionCheck>();
        builder.Services.AddSingleton<IReadinessCheck, DatabaseReadiness>();
        if (DatabaseSettings.IsPostgresName(builder.Configuration[$"{DatabaseSettings.SectionName}:{nameof(DatabaseSettings.Provider)}"]))
            builder.AddPostgres();
        else
            builder.AddSqlite();
        return builder;
    }

    static void AddSqlite(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<DatabaseSettings>, DataFolderMoveCheck>();
        builder.Services.AddSingleton<IValidateOptions<DatabaseSettings>, DataFolderAccessCheck>();
        builder.Services.AddSingleton<SqliteBusyTimeoutInterceptor>();
        builder.Services.AddSingleton<SqliteStatementCache>();
        // One instance on one file: its pacing can stay in memory. Real seconds, the platforms' clock, not the app's.
        builder.Services.AddSingleton<ISendPacing>(_ => new InProcessSendPacing(TimeProvider.System));
        // The frontline's `resolved` in plain prepared SQL inside the command writer (see ResolvedFastPath).
        builder.Services.AddScoped<IResolutionFastStore, SqliteResolutionFastStore>();
        builder.Services.AddScoped<ICustomerEventStore, SqliteCustomerEventStore>();
        builder.Services.AddScoped<ResolvedFastPath>();
        // The options are built once (singleton), not per request: they only depend on settings read at start-up.
        // The model is the compiled one (CompiledModel/, found by its assembly attribute). EF's start-up check of the
        // model against the migrations would build the full model anyway, on every start; the test suite
        // makes that check instead (CompiledModelTests).
        builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, options) => options
            .UseSqlite(ConnectionString(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IOptions<DatabaseSettings>>().Value))
            .AddInterceptors(sp.GetRequiredService<SqliteBusyTimeoutInterceptor>(), sp.GetRequiredService<SqliteStatementCache>())
            // A migration that rebuilds a table turns foreign keys off first, outside its transaction; EF warns that a crash
            // there leaves the migration half done. It cannot: the pragma lasts as long as its connection, and the rebuild
            // itself runs in the transaction. Nothing for the person starting the bot to act on.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning, RelationalEventId.NonTransactionalMigrationOperationWarning)),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
    }

    public const string FileName = "accountability.db";

    /// <summary>
    /// A relative data folder is taken from the content root, the bot's own folder unless one is given (see AppFolder):
    /// where the bot was started from must not decide where its data is.
    /// </summary>
    public static string Resolve(string dataDirectory, string contentRoot) =>
        string.IsNullOrWhiteSpace(dataDirectory) ? dataDirectory : Path.GetFullPath(dataDirectory, contentRoot);

    static bool IsReadable(string? connectionString)
    {
        try
        {
            _ = new SqliteConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>ConnectionStrings:Accountability if given, else a file in the data folder.</summary>
    public static string ConnectionString(IConfiguration config, DatabaseSettings settings) =>
        config.GetConnectionString("Accountability") is { Length: > 0 } configured
            ? configured
            : new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory(settings), FileName) }.ToString();

    public static string DataDirectory(DatabaseSettings settings) => Directory.CreateDirectory(Path.GetFullPath(settings.DataDirectory)).FullName;

    /// <summary>Applies the checked-in migrations (switching a SQLite file to WAL), and adds the default journey stages.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            await using (await PostgresPersistence.MigrationTurnAsync(db)) await db.Database.MigrateAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A file from another build (an older release's squashed migrations, a newer one's) fails deep inside a
            // migration ("table already exists"); say what it is instead. Asked only on failure: start-up pays nothing.
            if (await UnknownMigrationsAsync(db) is not { Count: > 0 } unknown) throw;
            var connection = db.Database.GetDbConnection();
            var (name, elsewhere) = db.Database.IsSqlite()
                ? (connection.DataSource, "point Database:DataDirectory at a new folder")
                : ($"{connection.Database} on {connection.DataSource}", "point ConnectionStrings:Accountability at a new, empty database");
            throw new InvalidOperationException(
                $"The database {name} was made by another build of AccountabilityBot: it has " +
                $"migration(s) {string.Join(", ", unknown)}, which this build does not know. Its data was not touched. Run the build " +
                $"that made it, or {elsewhere}.", ex);
        }
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        if (!await db.JourneyStages.AnyAsync())
        {
            db.JourneyStages.AddRange(JourneyStage.Defaults.Select((name, i) => new JourneyStage { Name = name, Position = i + 1 }));
            await db.SaveDefaultsAsync(() => db.JourneyStages.AnyAsync(), CancellationToken.None);
        }
    }

    /// <summary>Applied migrations this build does not have, or null when the file cannot even be read (the original failure says more).</summary>
    static async Task<List<string>?> UnknownMigrationsAsync(AppDbContext db)
    {
        try
        {
            return (await db.Database.GetAppliedMigrationsAsync()).Except(db.Database.GetMigrations()).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }
}
