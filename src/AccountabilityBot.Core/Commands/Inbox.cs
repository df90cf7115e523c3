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
            return new Receipt(seen, seen.ReplyJson is { } json ? MessageJson.Deserialize(json) : null, InProgress: seen.HandledAt is null);

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

    static string Clip(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..max];
}
