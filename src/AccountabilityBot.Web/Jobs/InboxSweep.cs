using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Web.Jobs;

/// <summary>
/// At start-up and then twice per inbox lease, finishes what was acknowledged but left unfinished by a crash or a failed
/// attempt. A hosted service rather than a recurring job: the job storage's own recovery (its invisibility timeout) is
/// what must not decide how long someone waits for an answer.
/// </summary>
public sealed class InboxSweep(FollowUps followUps, InboxSettings settings, TimeProvider clock, ILogger<InboxSweep> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(settings.Lease / 2, clock);
        do
        {
            // Never inside the tick: start-up goes on beside the first sweep, and ticks that come while a sweep runs fold
            // into one (a test clock advanced by days ticks thousands of times in one call).
            await Task.Yield();
            try
            {
                await followUps.SweepAsync(stop);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(ex, "The inbox sweep failed; it runs again in {Period}", settings.Lease / 2);
            }
        } while (await timer.WaitForNextTickAsync(stop));
    }
}
