using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Commands;

/// <summary>Stores each inbound command before it is handled, and recognises a platform's retry of one already seen.</summary>
public sealed partial class Inbox(AppDbContext db, TimeProvider clock, InboxSettings settings, DeliveryClaim? claim = null)
{
    /// <param name="HeldElsewhere">Another open transaction holds this delivery (see <see cref="DeliveryClaim"/>): nothing was stored.</param>
    public sealed record Receipt(ReceivedCommand Row, ChatMessage? EarlierReply, bool InProgress, bool HeldElsewhere = false);

    readonly string receive = claim is null ? InboxStatements.Receive : InboxStatements.When(claim.Condition, InboxStatements.Receive);

    /// <summary>The inbox row for a delivery, as stored (long fields clipped; a delivery without an id gets one).</summary>
    public static ReceivedCommand NewRow(InboundCommand inbound, DateTime receivedAt) => new()
    {
        Platform = inbound.Platform,
        DeliveryId = inbound.DeliveryId ?? Guid.NewGuid().ToString("N"),
        ConversationId = Clip(inbound.ConversationId, 256),
        UserId = Clip(inbound.UserId, 256),
        Text = Clip(inbound.Text, 16_000),
        ReceivedAt = receivedAt,
        FollowUp = inbound.FollowUp,
    };

    public async Task<Receipt> ReceiveAsync(InboundCommand inbound, CancellationToken ct)
    {
        var row = NewRow(inbound, clock.GetUtcNow().UtcDateTime);
        var deliveryId = row.DeliveryId;
        // Insert first: a copy of a delivery already stored is rare, so the unique index finds it instead of a read
        // before every insert. Two runs of one delivery meet in the writer's transaction, so the second finds the
        // first's answer. Plain SQL, not the change tracker: this runs for every command, and the row is only written
        // here and answered once (MarkHandled attaches it by its key).
        var inserted = await db.Database.SqlQuery<long>(InboxStatements.Sql(receive, row)).ToListAsync(ct);
        if (inserted is [var id])
        {
            row.Id = id;
            return new Receipt(row, null, InProgress: false);
        }
        var seen = await db.ReceivedCommands.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Platform == inbound.Platform && r.DeliveryId == deliveryId, ct);
        // Not there after all: another instance's open transaction holds it (its row unseen until it commits), or the
        // insert was skipped for another reason, which the caller must hear about.
        if (seen is null && claim is not null) return new Receipt(row, null, InProgress: false, HeldElsewhere: true);
        if (seen is null) throw new InvalidOperationException($"Could not store delivery {deliveryId}.");
        if (seen.ReplyJson is { } json) return new Receipt(seen, MessageJson.Deserialize(json), InProgress: false);
        return await TakeOverIfAbandonedAsync(seen, ct) ? new Receipt(seen, null, InProgress: false) : new Receipt(seen, null, InProgress: true);
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
