using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Messaging;

/// <summary>
/// Every outgoing post is stored before it is sent. A keyed post is composed and stored once; a retry re-sends the
/// stored copy if it was never sent, and does nothing if it was. (A send that fails stays unsent for the retry.)
/// </summary>
public sealed class Outbox(AppDbContext db, IChatSender sender, TimeProvider clock)
{
    /// <returns>True when this call delivered the post; false when it had already been delivered or claimed.</returns>
    public async Task<bool> PostOnceAsync(ChatAddress to, string key, Func<CancellationToken, Task<ChatMessage>> compose, CancellationToken ct)
    {
        var row = await db.OutboundMessages.SingleOrDefaultAsync(o => o.IdempotencyKey == key, ct);
        if (row?.SentAt is not null) return false;
        if (row is null)
        {
            // What composing changed (e.g. a story marked told) commits together with the claimed row, or not at all.
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            row = NewRow(to, await compose(ct), key);
            db.OutboundMessages.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                if (tx is not null) await tx.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                if (tx is not null) await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return false; // another worker claimed the same key first
            }
        }
        await DeliverAsync(row, ct);
        return true;
    }

    /// <summary>A one-off post (no key), stored and then delivered.</summary>
    public async Task PostAsync(ChatAddress to, ChatMessage message, CancellationToken ct)
    {
        var row = NewRow(to, message, key: null);
        db.OutboundMessages.Add(row);
        await db.SaveChangesAsync(ct);
        await DeliverAsync(row, ct);
    }

    async Task DeliverAsync(OutboundMessage row, CancellationToken ct)
    {
        await sender.SendAsync(new ChatAddress(row.Platform, row.ConversationId), MessageJson.Deserialize(row.MessageJson), ct);
        row.SentAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
    }

    OutboundMessage NewRow(ChatAddress to, ChatMessage message, string? key) => new()
    {
        Platform = to.Platform,
        ConversationId = to.ConversationId,
        IdempotencyKey = key,
        MessageJson = MessageJson.Serialize(message),
        CreatedAt = clock.UtcNow(),
    };
}
