using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Messaging;
using Hangfire;

namespace AccountabilityBot.Web.Jobs;

/// <summary>
/// What Hangfire runs: thin calls into Core. Retries are safe because every post is keyed in the outbox; the sweeper
/// delivers whatever a crash or a failed send left waiting.
/// </summary>
public sealed class CadenceJob(CadenceRunner runner, Outbox outbox)
{
    const int SweepBatch = 5000;

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<int> RunAsync(string kind, CancellationToken ct) => runner.RunAsync(kind, ct);

    // No retry and no lock: it runs every minute anyway, and row leases already keep two sweeps from sending one post.
    [AutomaticRetry(Attempts = 0)]
    public Task<int> DeliverDueAsync(CancellationToken ct) => outbox.DeliverDueAsync(SweepBatch, ct);
}
