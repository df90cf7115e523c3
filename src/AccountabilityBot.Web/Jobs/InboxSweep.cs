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
        await Task.Yield(); // start-up goes on; the first sweep runs beside it
        using var timer = new PeriodicTimer(settings.Lease / 2, clock);
        do
        {
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
