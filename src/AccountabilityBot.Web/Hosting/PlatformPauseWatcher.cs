using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// Follows <see cref="PlatformPauses"/>: each pause or return is handled in order, in a scope of its own, whoever
/// noticed it (a Slack event, a refused call in a request, a send in the outbox, the start-up check).
/// </summary>
public sealed class PlatformPauseWatcher(PlatformPauses pauses, IServiceScopeFactory scopes, ILogger<PlatformPauseWatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in pauses.Changes.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PauseNotices>().HandleAsync(change, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Could not finish handling {Platform} being {State}", change.Platform, change.Paused ? "paused" : "back");
            }
        }
    }
}
