using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Commands;

/// <summary>Stores each inbound command before it is handled, and recognises a platform's retry of one already seen.</summary>
public sealed class Inbox(AppDbContext db, TimeProvider clock)
{
    public sealed record Receipt(ReceivedCommand Row, ChatMessage? EarlierReply, bool InProgress);

    public async Task<Receipt> ReceiveAsync(InboundCommand inbound, CancellationToken ct)
    {
        var deliveryId = inbound.DeliveryId ?? Guid.NewGuid().ToString("N");
        var seen = await db.ReceivedCommands.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Platform == inbound.Platform && r.DeliveryId == deliveryId, ct);
        if (seen is not null)
        {
            if (seen.ReplyJson is { } json) return new Receipt(seen, MessageJson.Deserialize(json), InProgress: false);
            return await TakeOverIfAbandonedAsync(seen, ct) ? new Receipt(seen, null, InProgress: false) : new Receipt(seen, null, InProgress: true);
        }

        var row = new ReceivedCommand
        {
            Platform = inbound.Platform,
            DeliveryId = deliveryId,
            ConversationId = Clip(inbound.ConversationId, 256),
            UserId = Clip(inbound.UserId, 256),
            Text = Clip(inbound.Text, 16_000),
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ReceivedCommands.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two copies of one delivery raced; the other one owns it.
            db.ChangeTracker.Clear();
            return new Receipt(row, null, InProgress: true);
        }
        return new Receipt(row, null, InProgress: false);
    }

    /// <summary>
    /// A delivery that was stored but never answered, long ago, belongs to a process that died while handling it; the
    /// retry takes it over (atomically, so only one retry does). Nothing it wrote survived: it ran in a rolled-back transaction.
    /// </summary>
    async Task<bool> TakeOverIfAbandonedAsync(ReceivedCommand seen, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (seen.ReceivedAt > now - AbandonedAfter) return false;
        var taken = await db.ReceivedCommands
            .Where(r => r.Id == seen.Id && r.HandledAt == null && r.ReceivedAt == seen.ReceivedAt)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReceivedAt, now), ct);
        return taken == 1;
    }

    static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    static string Clip(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..max];
}
