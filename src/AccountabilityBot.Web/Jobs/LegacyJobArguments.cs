using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

namespace AccountabilityBot.Web.Jobs;

/// <summary>
/// Jobs of kinds earlier builds queued and this one no longer does: builds before December 2026 gave Slack's jobs whole
/// payloads as arguments (the verification token, a response_url), and Teams' replies and card notes had jobs of their
/// own before they became inbox follow-ups. At start-up each such job that will never run again (failed, or its method
/// is gone) is deleted and expired at once, so the store forgets it at its next expiration pass instead of keeping it
/// for ever (or failing it at every start). One that can still run is left to run: it may be an acknowledged event not
/// yet answered, and once done it expires within a day like any other. What a removed job was to do, the inbox sweep
/// does from the row's follow-up.
/// </summary>
public static class LegacyJobArguments
{
    static readonly string[] RetiredJobTypes =
        ["AccountabilityBot.Web.Slack.SlackEventJob", "AccountabilityBot.Web.Slack.SlackReplyJob", "AccountabilityBot.Web.Teams.TeamsReplyJob"];
    const int Page = 1000;
    const int Attempts = 10; // about half a minute: a busy machine's start can hold SQLite's job store that long
    static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(3);

    /// <summary>Once the host has started, beside the first requests: nothing waits for it.</summary>
    public static WebApplication ForgetLegacyJobArguments(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            // The job store may be busy at start (a previous process's connections closing, the server's first passes):
            // a few tries, a few seconds apart, before it is left for the next start.
            for (var attempt = 1; ; attempt++)
                try
                {
                    Forget(app.Services.GetRequiredService<JobStorage>(), app.Logger);
                    return;
                }
                catch (Exception ex) when (attempt < Attempts && !app.Lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    app.Logger.LogDebug(ex, "Looking for jobs an earlier build left failed (try {Attempt}); trying again", attempt);
                    await Task.Delay(RetryAfter);
                }
                catch (Exception ex)
                {
                    app.Logger.LogWarning(ex, "Could not look for jobs of kinds an earlier build left");
                    return;
                }
        }));
        return app;
    }

    static void Forget(JobStorage storage, ILogger log)
    {
        var ids = Find(storage.GetMonitoringApi());
        if (ids.Count == 0) return;
        var client = new BackgroundJobClient(storage);
        using var connection = storage.GetConnection();
        foreach (var id in ids)
        {
            client.Delete(id);
            using var expire = connection.CreateWriteTransaction();
            expire.ExpireJob(id, TimeSpan.Zero);
            expire.Commit();
        }
        log.LogWarning("Removed {Count} jobs of kinds an earlier build left (Slack payloads as arguments, or methods this build no longer has)", ids.Count);
    }

    static List<string> Find(IMonitoringApi monitor)
    {
        IEnumerable<(string Id, string? Type, bool WillRun)> jobs =
        [
            .. monitor.FailedJobs(0, Page).Select(j => (j.Key, TypeOf(j.Value.Job, j.Value.InvocationData), false)),
            .. monitor.ScheduledJobs(0, Page).Select(j => (j.Key, TypeOf(j.Value.Job, j.Value.InvocationData), j.Value.Job is not null)),
            .. monitor.ProcessingJobs(0, Page).Select(j => (j.Key, TypeOf(j.Value.Job, j.Value.InvocationData), j.Value.Job is not null)),
            .. monitor.Queues().SelectMany(q => monitor.EnqueuedJobs(q.Name, 0, Page))
                .Select(j => (j.Key, TypeOf(j.Value.Job, j.Value.InvocationData), j.Value.Job is not null)),
        ];
        return [.. jobs.Where(j => !j.WillRun && j.Type is { } type && RetiredJobTypes.Any(t => type.StartsWith(t, StringComparison.Ordinal)))
            .Select(j => j.Id).Distinct()];
    }

    // A job whose method no longer exists cannot be loaded; where the store gives its invocation data, that still names the type.
    static string? TypeOf(Job? job, InvocationData? data) => job?.Type.FullName ?? data?.Type;
}
