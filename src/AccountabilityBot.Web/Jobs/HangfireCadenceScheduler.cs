using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Stories;
using AccountabilityBot.Web.Dashboard;
using Hangfire;

namespace AccountabilityBot.Web.Jobs;

/// <summary>
/// Keeps Hangfire's recurring jobs equal to the stored cadence: stable ids ("cadence:review"), the cadence's own IANA
/// zone, removed while paused. Nudges tick every 15 minutes in UTC because each owner's morning is in their own zone.
/// </summary>
public sealed class HangfireCadenceScheduler(
    IRecurringJobManager recurring, IBackgroundJobClient jobs, OutboxSettings outbox, ILogger<HangfireCadenceScheduler> log)
    : ICadenceScheduler
{
    public const string SweeperId = "outbox:deliver";
    public const string StoryPromptsId = "story-prompts";
    public const string NudgeTick = "*/15 * * * *";

    public static string JobId(string kind) => "cadence:" + kind;

    public IReadOnlySet<string> SupportedKinds { get; } = CadenceKinds.All.ToHashSet();

    public Task RunNowAsync(string kind, CancellationToken ct)
    {
        jobs.Enqueue<CadenceJob>(job => job.RunAsync(kind, CancellationToken.None));
        return Task.CompletedTask;
    }

    /// <summary>
    /// After a start-up, whatever a crash left in the outbox goes out now, and what the dead process was holding goes
    /// out as soon as its leases run out, rather than at the next minute's sweep.
    /// </summary>
    public void SweepNow()
    {
        jobs.Enqueue<CadenceJob>(job => job.DeliverDueAsync(CancellationToken.None));
        jobs.Schedule<CadenceJob>(job => job.DeliverDueAsync(CancellationToken.None), outbox.Lease + TimeSpan.FromSeconds(1));
    }

    public Task ApplyAsync(IReadOnlyList<CadenceSetting> cadence, CancellationToken ct)
    {
        recurring.AddOrUpdate<CadenceJob>(SweeperId, job => job.DeliverDueAsync(CancellationToken.None), Cron.Minutely());
        // Account owners are asked for the story of a lost customer within the hour (imports and webhooks rarely carry one).
        recurring.AddOrUpdate<StoryPrompts>(StoryPromptsId, prompts => prompts.SendAsync(CancellationToken.None), Cron.Hourly());
        recurring.AddOrUpdate<DashboardTidy>(DashboardTidy.JobId, tidy => tidy.RunAsync(CancellationToken.None), Cron.Daily(3));
        foreach (var kind in SupportedKinds)
        {
            var setting = cadence.FirstOrDefault(c => c.Kind == kind);
            if (setting is null || setting.IsPaused || Clock.FindZone(setting.TimeZone) is not { } zone)
            {
                recurring.RemoveIfExists(JobId(kind));
                continue;
            }
            var (cron, jobZone) = kind == CadenceKinds.Nudges ? (NudgeTick, TimeZoneInfo.Utc) : (CadenceSchedule.Cron(setting), zone);
            recurring.AddOrUpdate<CadenceJob>(JobId(kind), job => job.RunAsync(kind, CancellationToken.None), cron,
                new RecurringJobOptions { TimeZone = jobZone });
            log.LogInformation("Scheduled {Job} at '{Cron}' in {Zone}", JobId(kind), cron, jobZone.Id);
        }
        return Task.CompletedTask;
    }
}
