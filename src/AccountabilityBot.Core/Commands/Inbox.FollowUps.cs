using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Commands;

/// <summary>
/// Deliveries acknowledged before they were finished. The row is stored with its follow-up before the platform hears
/// back, so after a crash the inbox knows what is left; a worker leases a row while finishing it, as the outbox does
/// for posts, and a sweep takes over rows whose lease ran out.
/// </summary>
public sealed partial class Inbox
{
    /// <summary>
    /// Stores the delivery with <see cref="InboundCommand.FollowUp"/>, or adds the follow-up to its row if that is not
    /// handled yet or still has one. Durable when it returns, so the caller may acknowledge.
    /// </summary>
    /// <param name="evenIfHandled">Also to a handled row: the caller knows it ran this delivery's first answer itself.</param>
    /// <returns>The row's id; null when the delivery was handled and finished before (a repeat): nothing is left to do.</returns>
    public async Task<long?> AcceptAsync(InboundCommand inbound, bool evenIfHandled, CancellationToken ct)
    {
        var row = NewRow(inbound, clock.GetUtcNow().UtcDateTime);
        var ids = await db.Database.SqlQuery<long>(InboxStatements.Sql(InboxStatements.Accept, row, evenIfHandled)).ToListAsync(ct);
        return ids is [var id] ? id : null;
    }

    /// <summary>The row of this delivery if it still has a follow-up.</summary>
    public Task<long?> UnfinishedAsync(ChatPlatform platform, string deliveryId, CancellationToken ct) =>
        db.ReceivedCommands.Where(r => r.Platform == platform && r.DeliveryId == deliveryId && r.FollowUp != null)
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);

    /// <summary>Takes the row for this worker unless it is finished or another worker's lease is still running.</summary>
    public async Task<ReceivedCommand?> LeaseAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = await db.ReceivedCommands
            .Where(r => r.Id == id && r.FollowUp != null && (r.LeaseUntil == null || r.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntil, now + settings.Lease), ct);
        return taken == 1 ? await db.ReceivedCommands.AsNoTracking().SingleAsync(r => r.Id == id, ct) : null;
    }

    /// <summary>Holds this worker's lease longer while its follow-up still runs; null when the lease is no longer its own.</summary>
    public async Task<DateTime?> RenewAsync(long id, DateTime leasedUntil, CancellationToken ct)
    {
        var next = clock.GetUtcNow().UtcDateTime + settings.Lease;
        var renewed = await db.ReceivedCommands.Where(r => r.Id == id && r.FollowUp != null && r.LeaseUntil == leasedUntil)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntil, next), ct);
        return renewed == 1 ? next : null;
    }

    /// <summary>Unfinished rows nobody is working on: leased and run out, or never taken since they were accepted a lease ago.</summary>
    public Task<List<long>> DueAsync(int max, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var acceptedBefore = now - settings.Lease;
        return db.ReceivedCommands.AsNoTracking()
            .Where(r => r.FollowUp != null && (r.LeaseUntil == null ? r.ReceivedAt < acceptedBefore : r.LeaseUntil < now))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(max).ToListAsync(ct);
    }

    /// <summary>Nothing is left to do for this delivery.</summary>
    public Task FinishAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.ReceivedCommands.Where(r => r.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.FollowUp, (string?)null)
            .SetProperty(r => r.LeaseUntil, (DateTime?)null)
            .SetProperty(r => r.HandledAt, r => r.HandledAt ?? now), ct);
    }
}
