using AccountabilityBot.Core.Commands;
using Hangfire;

namespace AccountabilityBot.Web.Jobs;

/// <summary>
/// Hands an acknowledged delivery to a Hangfire worker by its inbox id, never its payload: the job store holds no
/// message text or credentials. Hangfire only gives it a worker; the inbox lease decides who finishes it, and the
/// inbox sweep takes it over after a crash, long before Hangfire would offer the job again. Its queue has workers of
/// its own (<see cref="JobSettings.ReplyWorkerCount"/>), so an answer never waits behind a long job.
/// </summary>
public sealed class FollowUpQueue(IBackgroundJobClient jobs) : IFollowUpQueue
{
    public const string Queue = "replies";

    public void Enqueue(long receivedId, TimeSpan? delay = null)
    {
        if (delay is { } wait) jobs.Schedule<FollowUps>(Queue, f => f.RunAsync(receivedId, CancellationToken.None), wait);
        else jobs.Enqueue<FollowUps>(Queue, f => f.RunAsync(receivedId, CancellationToken.None));
    }
}
