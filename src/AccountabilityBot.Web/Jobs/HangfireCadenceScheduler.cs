using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Cadence;
using Hangfire;

namespace AccountabilityBot.Web.Jobs;

/// <summary>Keeps Hangfire's recurring jobs equal to the stored cadence: stable ids, the cadence's own time zone.</summary>
public sealed class HangfireCadenceScheduler(IRecurringJobManager recurring, ILogger<HangfireCadenceScheduler> log) : ICadenceScheduler
{
    public static string JobId(string kind) => "cadence:" + kind;

    public IReadOnlySet<string> SupportedKinds { get; } = new HashSet<string> { CadenceKinds.Review };

    public Task ApplyAsync(IReadOnlyList<CadenceSetting> cadence, CancellationToken ct)
    {
        foreach (var kind in SupportedKinds)
        {
            var setting = cadence.FirstOrDefault(c => c.Kind == kind);
            if (setting is null || setting.IsPaused || Clock.FindZone(setting.TimeZone) is not { } zone)
            {
                recurring.RemoveIfExists(JobId(kind));
                continue;
            }
            var cron = CadenceSchedule.Cron(setting);
            recurring.AddOrUpdate<WeeklyReviewJob>(JobId(kind), job => job.RunAsync(CancellationToken.None), cron,
                new RecurringJobOptions { TimeZone = zone });
            log.LogInformation("Scheduled {Job} at '{Cron}' in {Zone}", JobId(kind), cron, zone.Id);
        }
        return Task.CompletedTask;
    }
}
