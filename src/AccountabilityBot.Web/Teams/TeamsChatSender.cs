using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Charts;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Teams;

/// <summary>Posts neutral messages to Teams as Adaptive Cards, to conversations whose reference is stored.</summary>
public sealed class TeamsChatSender(AppDbContext db, TeamsReferences references, ConnectorClient connector, TeamsSettings settings, TimeProvider clock,
    ChartLinks charts)
    : IPlatformChatSender
{
    public ChatPlatform Platform => ChatPlatform.Teams;

    /// <summary>Teams keeps no metadata the bot can look up later, so the tag is not sent.</summary>
    public async Task SendAsync(string conversationId, ChatMessage message, string? tag, CancellationToken ct)
    {
        var summary = Summary(message);
        foreach (var card in AdaptiveCardRenderer.Render(message, ChartUrls(settings, charts)))
            await SendCardAsync(conversationId, card.ToTeamsCard(), summary, ct);
    }

    /// <summary>Signed links to the charts' pictures under the bot's public address; none while that is not set.</summary>
    public static Func<JarChartBlock, string?>? ChartUrls(TeamsSettings settings, ChartLinks charts) =>
        settings.PublicBase is { } site ? chart => charts.UrlFor(site, chart) : null;

    /// <summary>A message activity carrying one Adaptive Card; <paramref name="summary"/> is what notifications show.</summary>
    public static Activity CardActivity(JsonObject card, string summary) => new()
    {
        Type = "message",
        Summary = summary,
        Attachments = [new Attachment(Activity.AdaptiveCardContentType, card)],
    };

    /// <summary>Posts one Adaptive Card; <paramref name="summary"/> is what notifications show.</summary>
    public async Task SendCardAsync(string conversationId, JsonObject card, string summary, CancellationToken ct)
    {
        var conversation = await references.FindAsync(conversationId, ct)
            ?? throw new ChatDeliveryException("unknown_conversation", permanent: true,
                "AccountabilityBot has not been added to that Teams conversation. Add the app to the team or chat, then try again.");
        if (!conversation.IsActive)
            throw new ChatDeliveryException("bot_removed", permanent: true,
                "AccountabilityBot was removed from that Teams conversation. Add it again, or bind another channel with `channel leadership`.");
        var activity = CardActivity(card, summary);
        try
        {
            var activityId = await connector.SendToConversationAsync(conversation.ServiceUrl, conversationId, activity, ct);
            if (activityId is not null && HasButtons(card))
            {
                db.Add(new TeamsPostedCard
                {
                    ConversationId = conversationId, ActivityId = activityId, CardJson = card.ToJsonString(), PostedAt = clock.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync(ct);
            }
        }
        catch (ChatDeliveryException e) when (e.PlatformError
            is "BotNotInConversationRoster" or "ConversationBlockedByUser" or "MessageWritesBlocked" or "ConversationNotFound")
        {
            // Stop posting there until Teams tells us the bot is back (installationUpdate).
            conversation.IsActive = false;
            conversation.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            throw;
        }
    }

    public async Task<string> OpenDirectConversationAsync(string platformUserId, CancellationToken ct)
    {
        var user = await db.Set<TeamsUser>().SingleOrDefaultAsync(u => u.UserId == platformUserId, ct)
            ?? throw new ChatDeliveryException("unknown_teams_user", permanent: true,
                "AccountabilityBot has not met this person in Teams yet. Ask them to add the app or message it once.");
        if (user.DirectConversationId is { } known && (await references.FindAsync(known, ct))?.IsActive == true) return known;

        var id = await connector.CreateConversationAsync(user.ServiceUrl, "28:" + settings.AppId, user.UserId, user.TenantId, ct);
        await references.RememberAsync(new Activity
        {
            ServiceUrl = user.ServiceUrl,
            Conversation = new ConversationAccount(id, "personal", user.TenantId),
            From = new ChannelAccount(user.UserId, user.Name, user.AadObjectId),
        }, active: true, ct);
        return id;
    }

    /// <summary>
    /// Refreshes a posted card after someone used one of its buttons: a small line at the bottom says who did what
    /// (the latest few), so everyone in the conversation sees it was handled. Buttons stay for the others.
    /// </summary>
    public async Task<bool> NoteOnCardAsync(string conversationId, string activityId, string note, CancellationToken ct)
    {
        const int MaxNotes = 5;
        // A card posted to a channel is the root of its own thread: clicks on it name the thread, not the channel.
        var channel = TeamsReferences.BaseConversationId(conversationId);
        var posted = await db.Set<TeamsPostedCard>()
            .FirstOrDefaultAsync(c => c.ActivityId == activityId && (c.ConversationId == conversationId || c.ConversationId == channel), ct);
        if (posted is null || await references.FindAsync(conversationId, ct) is not { IsActive: true } conversation) return false;
        var card = JsonNode.Parse(posted.CardJson)!.AsObject();
        var body = card["body"]!.AsArray();
        var notes = body.Where(e => e?["id"]?.GetValue<string>()?.StartsWith(NoteId, StringComparison.Ordinal) == true).ToList();
        foreach (var old in notes.Take(Math.Max(0, notes.Count - MaxNotes + 1))) body.Remove(old);
        body.Add(new JsonObject
        {
            ["type"] = "TextBlock", ["id"] = NoteId + posted.Id + "-" + body.Count, ["text"] = AdaptiveCardRenderer.Escape(note),
            ["wrap"] = true, ["size"] = "Small", ["isSubtle"] = true, ["separator"] = notes.Count == 0,
        });
        await connector.UpdateActivityAsync(conversation.ServiceUrl, posted.ConversationId, activityId, new Activity
        {
            Type = "message",
            Attachments = [new Attachment(Activity.AdaptiveCardContentType, card)],
        }, ct);
        posted.CardJson = card.ToJsonString();
        await db.SaveChangesAsync(ct);
        return true;
    }

    const string NoteId = "note-";

    static bool HasButtons(JsonObject card) => card["body"] is JsonArray body && body.Any(e => e?["type"]?.GetValue<string>() == "ActionSet");

    /// <summary>The notification preview: the first line of the plain text.</summary>
    static string Summary(ChatMessage message)
    {
        var text = message.FallbackText.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "AccountabilityBot";
        return text.Length <= 120 ? text : text[..117] + "…";
    }
}
