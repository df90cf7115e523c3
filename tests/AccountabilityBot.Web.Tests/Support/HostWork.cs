using System.Collections.Concurrent;
using System.Text;
using AccountabilityBot.Core.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// What the process's live hosts still have to do: their unfinished inbox rows and their Hangfire jobs not yet done.
/// A wait that times out (<see cref="Eventually"/>) shows it, so a reply that never came says where it stopped: never
/// taken by a worker, taken and held, or failed.
/// </summary>
public static class HostWork
{
    static readonly ConcurrentDictionary<BotApplication, string> Live = new();

    public static void Started(BotApplication host, string tag) => Live[host] = tag;
    public static void Stopped(BotApplication host) => Live.TryRemove(host, out _);

    /// <summary>One line a host that has work left, or null when none has.</summary>
    public static async Task<string?> DescribeAsync()
    {
        var lines = new List<string>();
        foreach (var (host, tag) in Live)
        {
            try
            {
                if (await DescribeAsync(host) is { Length: > 0 } work) lines.Add($"[{tag}] {work}");
            }
            catch (Exception e)
            {
                lines.Add($"[{tag}] could not be read: {e.GetType().Name} {e.Message}");
            }
        }
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    static async Task<string> DescribeAsync(BotApplication host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var work = new StringBuilder();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ReceivedCommands.AsNoTracking()
                .Where(r => r.FollowUp != null).OrderByDescending(r => r.Id).Take(5)
                .Select(r => new { r.Id, r.Text, r.ReceivedAt, r.LeaseUntil, Answered = r.ReplyJson != null }).ToListAsync(timeout.Token);
            foreach (var r in rows)
                work.Append($"inbox #{r.Id} `{r.Text}` at {r.ReceivedAt:HH:mm:ss} (host clock {host.Clock.GetUtcNow():HH:mm:ss}), ")
                    .Append($"lease {r.LeaseUntil?.ToString("HH:mm:ss") ?? "none"}, {(r.Answered ? "answered" : "no answer stored")}; ");
        }
        var jobs = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var queues = jobs.Queues();
        // Fetched: taken by a worker that has not started it yet (or never will, if that worker failed).
        var (enqueued, fetched) = (queues.Sum(q => q.Length), queues.Sum(q => jobs.FetchedCount(q.Name)));
        var (processing, scheduled, failed) = (jobs.ProcessingCount(), jobs.ScheduledCount(), jobs.FailedCount());
        if (enqueued + fetched + processing + scheduled + failed == 0) return work.ToString();
        work.Append($"jobs: {enqueued} enqueued, {fetched} fetched, {processing} processing, {scheduled} scheduled, {failed} failed");
        foreach (var (_, job) in jobs.ProcessingJobs(0, 5))
            work.Append($"; processing {job.Job?.Type.Name}.{job.Job?.Method.Name} since {job.StartedAt:HH:mm:ss}");
        foreach (var (_, job) in jobs.FailedJobs(0, 3))
            work.Append($"; failed {job.Job?.Type.Name}.{job.Job?.Method.Name}: {job.ExceptionType} {job.ExceptionMessage}");
        return work.ToString();
    }
}
