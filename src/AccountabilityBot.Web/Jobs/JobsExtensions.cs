using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AccountabilityBot.Web.Jobs;

/// <summary>All Hangfire wiring lives here, so the job storage can change without touching the rest.</summary>
public static class JobsExtensions
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<JobSettings>(JobSettings.SectionName);
        // The storage is this host's own singleton rather than Hangfire's process-wide JobStorage.Current,
        // so two hosts in one process (tests, a CLI next to the web host) never share or overwrite it.
        builder.Services.AddSingleton<JobStorage>(sp =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobSettings>>().Value;
            var database = sp.GetRequiredService<IOptions<DatabaseSettings>>().Value;
            if (database.IsPostgres) return PostgresStorage(PostgresPersistence.ConnectionString(sp.GetRequiredService<IConfiguration>()), jobs);
            var folder = PersistenceExtensions.DataDirectory(database);
            return new SQLiteStorage(Path.Combine(folder, "hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });
        });
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (builder.Configuration.IsOn(JobSettings.SectionName + ":" + nameof(JobSettings.RunServer), true))
            builder.Services.AddHangfireServer((sp, server) =>
            {
                var jobs = sp.GetRequiredService<IOptions<JobSettings>>().Value;
                server.WorkerCount = jobs.WorkerCount;
                server.SchedulePollingInterval = jobs.PollInterval;
                // A stop takes no new job at once; a job under way is told to stop (the outbox then lets its sends
                // finish) and waited for as long as the host waits.
                server.ShutdownTimeout = ShutdownExtensions.Read(sp.GetRequiredService<IOptions<ShutdownSettings>>()).Timeout;
            });
        builder.Services.AddSingleton<HangfireCadenceScheduler>();
        builder.Services.AddSingleton<IReadinessCheck, JobStorageReadiness>();
        builder.Services.AddSingleton<ICadenceScheduler>(sp => sp.GetRequiredService<HangfireCadenceScheduler>());
        builder.Services.AddScoped<CadenceJob>();
        builder.AddJobsDashboard();
        builder.Services.AddSingleton<IFollowUpQueue, FollowUpQueue>();
        builder.Services.AddHostedService<InboxSweep>();
        return builder;
    }

    /// <summary>
    /// Hangfire's tables in the bot's own PostgreSQL database, in a schema of their own. The sliding invisibility
    /// timeout keeps a running job's claim alive while it runs, so a long job is not handed to a second worker.
    /// </summary>
    static PostgreSqlStorage PostgresStorage(string connectionString, JobSettings jobs)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = HangfireSchema,
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = jobs.PollInterval,
        };
        // Instances starting together would each install Hangfire's schema at once, and one would fail halfway
        // ("column already exists"): they take turns, under a lock the database holds only while this runs.
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({SchemaLock})", connection)) take.ExecuteNonQuery();
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>Any fixed number, the same in every instance: the advisory lock behind Hangfire's schema installation.</summary>
    const long SchemaLock = 0x4ab07_4a665;

    public const string HangfireSchema = "hangfire";

    /// <summary>
    /// Registers the recurring jobs from the stored cadence (adding the default Monday 08:00 review when none is set), and
    /// queues one delivery sweep so what a crash left in the outbox goes out now, not at the next minute.
    /// </summary>
    public static async Task ApplyStoredCadenceAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await CadenceDefaults.EnsureAsync(db, scope.ServiceProvider.GetRequiredService<Core.Common.BotSettings>(), CancellationToken.None);
        var scheduler = app.Services.GetRequiredService<HangfireCadenceScheduler>();
        await scheduler.ApplyAsync(await db.CadenceSettings.ToListAsync(), CancellationToken.None);
        scheduler.SweepNow();
    }
}
