using AccountabilityBot.Core.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Commands;

/// <summary>A platform adapter's way to finish an acknowledged delivery from its inbox row alone (after a crash, too).</summary>
public interface IFollowUpHandler
{
    ChatPlatform Platform { get; }

    /// <summary>Does what <see cref="ReceivedCommand.FollowUp"/> says; may run more than once, so it must repeat nothing.</summary>
    Task FinishAsync(ReceivedCommand row, CancellationToken ct);
}

/// <summary>
/// Finishes acknowledged deliveries: right after the acknowledgement (a job or the request's continuation asks for one
/// row), and from a periodic sweep for rows a crash or a failure left behind. A failed attempt keeps its lease, so the
/// next try comes one lease later. A follow-up that runs longer than a lease (a platform's Retry-After, say) keeps
/// renewing its lease, so the sweep never starts a second copy of it.
/// </summary>
public sealed class FollowUps(IServiceScopeFactory scopes, InboxSettings settings, TimeProvider clock, ILogger<FollowUps> log)
{
    /// <summary>After this long a follow-up that keeps failing is given up, so one broken row is not retried for ever.</summary>
    static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);
    const int SweepBatch = 100;

    /// <returns>True when this call finished the row; false when it was done already, held by another worker, or failed.</returns>
    public async Task<bool> RunAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<Inbox>();
        if (await inbox.LeaseAsync(id, ct) is not { } row) return false;
        if (scope.ServiceProvider.GetServices<IFollowUpHandler>().FirstOrDefault(h => h.Platform == row.Platform) is not { } handler)
        {
            // That platform is not configured now; the row waits until it is.
            log.LogDebug("Delivery {DeliveryId} waits for {Platform} to be configured", row.DeliveryId, row.Platform);
            return false;
        }
        bool done;
        using (var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            var renewal = KeepLeaseAsync(id, row.LeaseUntil!.Value, renewing.Token);
            try { done = await FinishAsync(handler, row, ct); }
            finally
            {
                await renewing.CancelAsync();
                await renewal;
            }
        }
        if (!done) return false;
        await inbox.FinishAsync(id, CancellationToken.None);
        return true;
    }

    /// <returns>True when the row is done with (finished, or given up on); false to try again once its lease runs out.</returns>
    async Task<bool> FinishAsync(IFollowUpHandler handler, ReceivedCommand row, CancellationToken ct)
    {
        try
        {
            await handler.FinishAsync(row, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && row.ReceivedAt > clock.GetUtcNow().UtcDateTime - GiveUpAfter)
        {
            log.LogWarning(ex, "Could not finish {Platform} delivery {DeliveryId} yet; trying again once its lease runs out", row.Platform, row.DeliveryId);
            return false;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogError(ex, "Gave up on {Platform} delivery {DeliveryId}, acknowledged at {At:u}", row.Platform, row.DeliveryId, row.ReceivedAt);
        }
        return true;
    }

    async Task KeepLeaseAsync(long id, DateTime leasedUntil, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(settings.Lease / 3, clock, ct);
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<Inbox>().RenewAsync(id, leasedUntil, ct) is not { } next) return;
                leasedUntil = next;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Could not renew the lease of inbox row {Id}; another worker may take it over once it runs out", id);
        }
    }

    /// <summary>Finishes the follow-up of this delivery, if it has one.</summary>
    public async Task<bool> RunAsync(ChatPlatform platform, string deliveryId, CancellationToken ct)
    {
        long? id;
        await using (var scope = scopes.CreateAsyncScope())
            id = await scope.ServiceProvider.GetRequiredService<Inbox>().UnfinishedAsync(platform, deliveryId, ct);
        return id is { } row && await RunAsync(row, ct);
    }

    /// <summary>Nothing is left to do for this delivery (its answer was given another way).</summary>
    public async Task DropAsync(ChatPlatform platform, string deliveryId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<Inbox>();
        if (await inbox.UnfinishedAsync(platform, deliveryId, ct) is { } id) await inbox.FinishAsync(id, ct);
    }

    /// <summary>Finishes what nobody is working on; run at start-up and then twice per lease.</summary>
    /// <returns>How many rows this sweep finished.</returns>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<Inbox>().DueAsync(SweepBatch, ct);
        var finished = 0;
        foreach (var id in due)
            if (await RunAsync(id, ct)) finished++;
        if (due.Count > 0) log.LogInformation("Took over {Count} acknowledged deliveries left unfinished; finished {Finished}", due.Count, finished);
        return finished;
    }
}
