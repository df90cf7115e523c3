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
        row.TenantId = a.TenantId ?? row.TenantId;
        row.TeamId = a.ChannelData?.Team?.Id ?? row.TeamId;
        row.ChannelId = a.ChannelData?.Channel?.Id ?? a.ChannelData?.Settings?.SelectedChannel?.Id ?? row.ChannelId;
        row.Name = a.Conversation.Name ?? a.ChannelData?.Team?.Name ?? row.Name;
        row.IsActive = active;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;

        if (a.From?.Id is { Length: > 0 } userId && userId.StartsWith("29:", StringComparison.Ordinal))
        {
            var user = await db.Set<TeamsUser>().SingleOrDefaultAsync(u => u.UserId == userId, ct);
            if (user is null)
            {
                user = new TeamsUser { UserId = userId, ServiceUrl = serviceUrl };
                db.Add(user);
            }
            user.ServiceUrl = serviceUrl;
            user.AadObjectId = a.From.AadObjectId ?? user.AadObjectId;
            user.Name = a.From.Name ?? user.Name;
            user.TenantId = a.TenantId ?? user.TenantId;
            if (a.Conversation.ConversationType == "personal") user.DirectConversationId = id;
            user.UpdatedAt = row.UpdatedAt;
        }
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

    public Task<TeamsConversation?> FindAsync(string conversationId, CancellationToken ct)
    {
        var id = BaseConversationId(conversationId);
        return db.Set<TeamsConversation>().SingleOrDefaultAsync(c => c.ConversationId == id, ct);
    }
}
