using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Messaging;

/// <summary>Where a keyed post goes, what it is, and between when and when it is worth sending.</summary>
public sealed record OutboxPost(ChatAddress To, string Key, string Kind, DateTime? NotAfter = null, DateTime? NotBefore = null)
{
    /// <summary>The kind of a post that answers a member's own command: never held, whatever their quiet hours.</summary>
    public const string ReplyKind = "reply";

    /// <summary>
    /// A scheduled DM to <paramref name="member"/>, meant for <paramref name="now"/>: inside their quiet hours it is held
    /// until they end (<see cref="Members.Availability.QuietHold"/>); delivery looks again when it is due.
    /// </summary>
    public static OutboxPost ToMember(Member member, TimeZoneInfo teamZone, string key, string kind, DateTime now, DateTime? notAfter)
    {
        var (at, deadline) = Members.Availability.QuietHold(member, now, notAfter, teamZone);
        return new(ChatAddress.DirectTo(member), key, kind, deadline, at > now ? at : null);
    }
}

/// <summary>
/// Every outgoing post is stored before it is sent. A keyed post is composed and claimed once (a unique index on the
/// key decides between racing workers and hosts); delivery then leases the row, sends it, and records the outcome.
/// Retries re-send the stored copy; nothing is composed twice. Posts to a paused platform (<see cref="PlatformPauses"/>)
/// are held: stored, left unfinished and untouched, and delivered (or dropped as stale) once it works again.
/// </summary>
public sealed partial class Outbox(
    AppDbContext db, IServiceScopeFactory scopes, OutboxSettings settings, BotSettings bot, PlatformPauses pauses, ShownOnceMessages shownOnce,
    TimeProvider clock, ILogger<Outbox> log)
{
    /// <summary>Stores the post under its key, together with whatever <paramref name="compose"/> changed, in one transaction.</summary>
    /// <returns>The new row's id, or null when the key was already claimed (by an earlier run or another host).</returns>
    public async Task<long?> ClaimAsync(OutboxPost post, Func<CancellationToken, Task<ChatMessage>> compose, CancellationToken ct)
    {
        if (await db.OutboundMessages.AnyAsync(o => o.IdempotencyKey == post.Key, ct)) return null;
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var composedAt = clock.UtcNow();
        var message = await compose(ct);
        var row = NewRow(post.To, message, post.Key, post.Kind, post.NotAfter, post.NotBefore, composedAt);
        db.OutboundMessages.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
            shownOnce.Keep(post.Key, message);
            return row.Id;
        }
        catch (DbUpdateException)
        {
            if (tx is not null) await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return null; // another worker claimed the same key first
        }
    }

    /// <summary>Claims the post and tries to deliver it at once; a failed send stays queued for the sweeper's retry.</summary>
    /// <returns>True when this call claimed the post.</returns>
    public async Task<bool> PostOnceAsync(OutboxPost post, Func<CancellationToken, Task<ChatMessage>> compose, CancellationToken ct)
    {
        if (await ClaimAsync(post, compose, ct) is not { } id) return false;
        await DeliverAsync(id, ct);
        return true;
    }

    /// <summary>
    /// A fan-out: claims every post first (cheap, and a crash leaves the rest for the sweeper), then delivers them.
    /// </summary>
    /// <returns>How many posts this call claimed.</returns>
    public async Task<int> PostAllAsync(IReadOnlyList<Cadence.Posts.PlannedPost> posts, CancellationToken ct)
    {
        var claimed = await ClaimAllAsync(posts, ct);
        await DeliverWithinBudgetAsync(claimed, ct);
        return claimed.Count;
    }

    /// <summary>
    /// Claims a fan-out in one transaction (one durable commit instead of hundreds). If another host claimed some of
    /// the same keys meanwhile, or wrote a row that composing writes too (a new frontline pattern, unique by its key), falls
    /// back to claiming one by one: each then finds what the other committed, and a post it claimed is left to it.
    /// </summary>
    async Task<IReadOnlyList<long>> ClaimAllAsync(IReadOnlyList<Cadence.Posts.PlannedPost> posts, CancellationToken ct)
    {
        var keys = posts.Select(p => p.Post.Key).ToList();
        var taken = (await db.OutboundMessages.Where(o => keys.Contains(o.IdempotencyKey!)).Select(o => o.IdempotencyKey!).ToListAsync(ct)).ToHashSet();
        var fresh = posts.Where(p => !taken.Contains(p.Post.Key)).ToList();
        if (fresh.Count == 0) return [];
        if (db.Database.CurrentTransaction is not null) return await ClaimEachAsync(fresh, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = new List<OutboundMessage>();
        var composedAt = clock.UtcNow(); // one instant for the fan-out: its posts share what was composed for the first
        try
        {
            foreach (var (post, compose) in fresh)
                rows.Add(db.OutboundMessages.Add(NewRow(post.To, await compose(ct), post.Key, post.Kind, post.NotAfter, post.NotBefore, composedAt)).Entity);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return rows.Select(r => r.Id).ToList();
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await ClaimEachAsync(fresh, ct);
        }
    }

    async Task<IReadOnlyList<long>> ClaimEachAsync(IEnumerable<Cadence.Posts.PlannedPost> posts, CancellationToken ct)
    {
        var claimed = new List<long>();
        foreach (var (post, compose) in posts)
            if (await ClaimAsync(post, compose, ct) is { } id) claimed.Add(id);
        return claimed;
    }

    /// <summary>A one-off post (no key), stored and then delivered.</summary>
    public async Task PostAsync(ChatAddress to, ChatMessage message, string kind, CancellationToken ct)
    {
        var row = NewRow(to, message, key: null, kind, notAfter: null, notBefore: null, clock.UtcNow());
        db.OutboundMessages.Add(row);
        await db.SaveChangesAsync(ct);
        shownOnce.Keep(ShownOnceMessages.RowKey(row.Id), message);
        await DeliverAsync(row.Id, ct);
    }

    /// <param name="composedAt">Taken before the message is composed: what a post shows "up to now" is then never later
    /// than its row's CreatedAt, which the next weekly review starts from (so nothing falls between two reviews).</param>
    static OutboundMessage NewRow(ChatAddress to, ChatMessage message, string? key, string kind, DateTime? notAfter, DateTime? notBefore,
        DateTime composedAt) => new()
    {
        Platform = to.Platform,
        ConversationId = to.ConversationId,
        IdempotencyKey = key,
        Kind = kind,
        MessageJson = MessageJson.Serialize(message),
        CreatedAt = composedAt,
        NotAfter = notAfter,
        NotBefore = notBefore,
    };
}
