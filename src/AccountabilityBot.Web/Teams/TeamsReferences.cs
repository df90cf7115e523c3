using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Teams;

/// <summary>Keeps the stored conversation references and users in step with what Teams tells us.</summary>
public sealed class TeamsReferences(AppDbContext db, TimeProvider clock)
{
    public const string ThreadMarker = ";messageid=";

    /// <summary>"19:x@thread.tacv2;messageid=123" → "19:x@thread.tacv2": the channel a thread belongs to.</summary>
    public static string BaseConversationId(string conversationId)
    {
        var i = conversationId.IndexOf(ThreadMarker, StringComparison.Ordinal);
        return i < 0 ? conversationId : conversationId[..i];
    }

    /// <summary>Records (or refreshes — the service URL can change) where this activity's conversation and sender live.</summary>
    public async Task RememberAsync(Activity a, bool active, CancellationToken ct)
    {
        try
        {
            await UpsertAsync(a, active, ct);
        }
        catch (DbUpdateException)
        {
            // Two activities from a new conversation or person raced to insert it; the other won, so update theirs.
            db.ChangeTracker.Clear();
            await UpsertAsync(a, active, ct);
        }
    }

    async Task UpsertAsync(Activity a, bool active, CancellationToken ct)
    {
        if (a.Conversation?.Id is not { Length: > 0 } rawId || a.ServiceUrl is not { Length: > 0 } serviceUrl) return;
        var id = BaseConversationId(rawId);
        var row = await db.Set<TeamsConversation>().SingleOrDefaultAsync(c => c.ConversationId == id, ct);
        if (row is null)
        {
            row = new TeamsConversation { ConversationId = id, ServiceUrl = serviceUrl };
            db.Add(row);
        }
        row.ServiceUrl = serviceUrl;
        row.ConversationType = a.Conversation.ConversationType ?? row.ConversationType;
        row.TenantId = Kept(a.TenantId, TeamsUser.TenantIdLength) ?? row.TenantId;
        row.TeamId = a.ChannelData?.Team?.Id ?? row.TeamId;
        row.ChannelId = a.ChannelData?.Channel?.Id ?? a.ChannelData?.Settings?.SelectedChannel?.Id ?? row.ChannelId;
        row.Name = Cut(a.Conversation.Name ?? a.ChannelData?.Team?.Name) ?? row.Name;
        row.IsActive = active;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;

        var now = row.UpdatedAt;
        if (a.From?.Id is { } from && await UserAsync(from, a.From.Name, serviceUrl, a.TenantId, now, ct) is { } sender)
        {
            sender.AadObjectId = Kept(a.From.AadObjectId, TeamsUser.AadObjectIdLength) ?? sender.AadObjectId;
            if (a.Conversation.ConversationType == "personal") sender.DirectConversationId = id;
        }
        // People mentioned in a command can be nudged in a 1:1 chat before they ever write to the bot.
        foreach (var m in a.Entities ?? [])
            if (m.Type == "mention" && m.Mentioned?.Id is { } mentioned && mentioned != a.Recipient?.Id)
                await UserAsync(mentioned, m.Mentioned.Name, serviceUrl, a.TenantId, now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The bot was removed: from a team (every channel of it) or from this chat.</summary>
    public async Task ForgetAsync(Activity a, CancellationToken ct)
    {
        var id = a.Conversation?.Id is { } raw ? BaseConversationId(raw) : null;
        var teamId = a.ChannelData?.Team?.Id;
        var rows = await db.Set<TeamsConversation>()
            .Where(c => c.ConversationId == id || (teamId != null && c.TeamId == teamId)).ToListAsync(ct);
        foreach (var row in rows)
        {
            row.IsActive = false;
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The stored Teams user (created if new); only real users ("29:…"), not bots or channels.</summary>
    async Task<TeamsUser?> UserAsync(string userId, string? name, string serviceUrl, string? tenantId, DateTime now, CancellationToken ct)
    {
        if (!userId.StartsWith("29:", StringComparison.Ordinal)) return null;
        var user = db.Set<TeamsUser>().Local.FirstOrDefault(u => u.UserId == userId)
            ?? await db.Set<TeamsUser>().SingleOrDefaultAsync(u => u.UserId == userId, ct);
        if (user is null)
        {
            user = new TeamsUser { UserId = userId, ServiceUrl = serviceUrl };
            db.Add(user);
        }
        user.ServiceUrl = serviceUrl;
        user.Name = Cut(name) ?? user.Name;
        user.TenantId = Kept(tenantId, TeamsUser.TenantIdLength) ?? user.TenantId;
        user.UpdatedAt = now;
        return user;
    }

    /// <summary>
    /// What Teams sends is stored only as far as its column holds it, the same on both providers (SQLite would keep it
    /// whole, PostgreSQL refuse the whole activity): an optional id that does not fit is not kept, since cut short it
    /// would name something else; a name is cut.
    /// </summary>
    static string? Kept(string? id, int length) => id is { } value && value.Length <= length ? value : null;

    static string? Cut(string? name) => name is { Length: > TeamsUser.NameLength } ? name[..TeamsUser.NameLength] : name;

    public Task<TeamsConversation?> FindAsync(string conversationId, CancellationToken ct)
    {
        var id = BaseConversationId(conversationId);
        return db.Set<TeamsConversation>().SingleOrDefaultAsync(c => c.ConversationId == id, ct);
    }
}
