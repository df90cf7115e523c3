using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Persistence;
using Hangfire;
using Hangfire.AspNetCore;
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
        // Likewise the activator: Hangfire would take JobActivator.Current, which the host that started last sets, so
        // another host's jobs in the same process ran with its services (its database, its platforms).
        builder.Services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (builder.Configuration.IsOn(JobSettings.SectionName + ":" + nameof(JobSettings.RunServer), true))
        {
            builder.Services.AddHangfireServer((sp, server) =>
            {
                var jobs = Configure(sp, server);
                server.WorkerCount = jobs.WorkerCount;
                server.Queues = [FollowUpQueue.Queue, "default"]; // older answers queued before the reply workers, too
            });
            // Workers only (no schedulers of their own), for answers to chat.
            builder.Services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = Configure(sp, server).ReplyWorkerCount;
                server.Queues = [FollowUpQueue.Queue];
                server.IsLightweightServer = true;
            });
        }
        builder.Services.AddSingleton<HangfireCadenceScheduler>();
        builder.Services.AddSingleton<IReadinessCheck, JobStorageReadiness>();
        builder.Services.AddSingleton<ICadenceScheduler>(sp => sp.GetRequiredService<HangfireCadenceScheduler>());
        builder.Services.AddScoped<CadenceJob>();
        builder.AddJobsDashboard();
        builder.Services.AddSingleton<IFollowUpQueue, FollowUpQueue>();
        builder.Services.AddHostedService<InboxSweep>();
        return builder;
    }

    static JobSettings Configure(IServiceProvider sp, BackgroundJobServerOptions server)
    {
        var jobs = sp.GetRequiredService<IOptions<JobSettings>>().Value;
        server.SchedulePollingInterval = jobs.PollInterval;
        // A stop takes no new job at once; a job under way is told to stop (the outbox then lets its sends finish) and
        // waited for almost as long as the host waits. Not quite as long: what Hangfire cannot interrupt (a wait on a
        // lock, below) is then left behind with a warning naming it, and the server still reports itself stopped before
        // the host's own deadline, instead of failing the host's stop.
        server.ShutdownTimeout = ShutdownExtensions.Read(sp.GetRequiredService<IOptions<ShutdownSettings>>()).JobServer;
        return jobs;
    }

    /// <summary>
    /// Hangfire's tables in the bot's own PostgreSQL database, in a schema of their own. The sliding invisibility
    /// timeout keeps a running job's claim alive while it runs, so a long job is not handed to a second worker.
    /// </summary>
    /// <remarks>
    /// Hangfire.PostgreSql's distributed locks are rows of hangfire.lock, deleted by their holder. A holder whose
    /// session the database ended (a restart, a failover, an outage) cannot delete its row, and the row is only treated
    /// as abandoned after <see cref="PostgreSqlStorageOptions.DistributedLockTimeout"/>: ten minutes by default, in
    /// which the delayed and recurring job schedulers (they take a lock every poll) run nothing, each waiting up to a
    /// minute at a time in a sleep that no stop interrupts, so a stop after an outage outlasted Shutdown:Timeout.
    /// A live holder keeps a lock for one poll's batch; one that outlasted <see cref="AbandonedLockAfter"/> would let a
    /// second instance run the same batch, which is harmless: each job moves on only from the state it was read in.
    /// </remarks>
    static PostgreSqlStorage PostgresStorage(string connectionString, JobSettings jobs)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = HangfireSchema,
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = jobs.PollInterval,
            DistributedLockTimeout = AbandonedLockAfter,
        };
        // Instances starting together would each install Hangfire's schema at once, and one would fail halfway
        // ("column already exists"): they take turns, under a lock the database holds only while this runs.
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({SchemaLock})", connection)) take.ExecuteNonQuery();
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>
    /// How old a lock row must be to be taken over. It is compared with the clock of the instance that wrote it, so
    /// instances' clocks must agree to well within it.
    /// </summary>
    public static readonly TimeSpan AbandonedLockAfter = TimeSpan.FromSeconds(10);

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
