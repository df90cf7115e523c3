using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>Slack's side of the IChatSender port: posts as Block Kit with chat.postMessage; DMs through conversations.open.</summary>
public sealed class SlackChatSender(SlackWebApi api, SlackDirectChannels directChannels, SlackChartFiles charts) : IPlatformChatSender
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    /// <summary>The message metadata type that carries a post's outbox key, so a post in doubt can be found again.</summary>
    public const string PostEventType = "accountabilitybot_post";

    /// <summary>Tries of a post whose picture Slack is still processing, before it goes out with the chart's words alone.</summary>
    const int PictureTries = 3;
    static readonly TimeSpan PictureWait = TimeSpan.FromSeconds(1);

    /// <summary>
    /// One chat.postMessage, whatever the message carries, so the outbox's tag (message metadata) still finds a post
    /// in doubt: a chart's picture is uploaded first as a private file and shown with an image block.
    /// </summary>
    public async Task SendAsync(string conversationId, ChatMessage message, string? tag, CancellationToken ct)
    {
        var files = await charts.UploadAsync(message, ct);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await api.PostMessageAsync(conversationId, Body(message, tag, attempt < PictureTries ? files : null), ct);
                break;
            }
            catch (ChatDeliveryException e) when (files is not null && attempt < PictureTries && e.PlatformError == "invalid_blocks")
            {
                // Slack finishes an upload in the background, and refuses the whole message (posting nothing) while an
                // image block names a file it has not finished: wait a little and try again, then post the words alone.
                await Task.Delay(PictureWait * (1 << attempt), ct);
            }
        }
    }

    static JsonObject Body(ChatMessage message, string? tag, Func<JarChartBlock, string?>? files)
    {
        var body = BlockKit.Message(message, files);
        if (tag is not null)
            body["metadata"] = new JsonObject { ["event_type"] = PostEventType, ["event_payload"] = new JsonObject { ["outbox_key"] = tag } };
        return body;
    }

    /// <summary>Slack stamps messages with its own clock; this host's may be a little off.</summary>
    static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>Looks through the conversation's history since then for the bot's post carrying the tag.</summary>
    public async Task<bool?> HasPostedAsync(string conversationId, string tag, DateTime since, CancellationToken ct)
    {
        try
        {
            var read = 0;
            await foreach (var message in api.HistoryAsync(conversationId, since - ClockSkew, ct))
            {
                read++;
                if (CarriesTag(message, tag)) return true;
            }
            return read < SlackWebApi.MaxHistoryMessages ? false : null; // too busy a channel to be sure
        }
        catch (ChatDeliveryException ex) when (ex.Permanent)
        {
            return null; // e.g. the app was installed before it asked for history scopes
        }
    }

    /// <summary>Slash commands work in channels the bot was never invited to, so binding one is checked first.</summary>
    public async Task<string?> WhyCannotPostAsync(string conversationId, CancellationToken ct)
    {
        try
        {
            var (isMember, isDirect) = await api.ConversationInfoAsync(conversationId, ct);
            return isMember || isDirect ? null
                : "I'm not in this channel yet, so I couldn't post here. Invite me with `/invite @AccountabilityBot`, then try again.";
        }
        catch (ChatDeliveryException ex) when (ex.PlatformError == "channel_not_found")
        {
            return "I can't see this channel. Invite me with `/invite @AccountabilityBot`, then try again.";
        }
        catch (ChatDeliveryException)
        {
            return null; // Slack could not say right now; the first post will report a real problem to the CCO
        }
    }

    static bool CarriesTag(System.Text.Json.JsonElement message, string tag) =>
        message.TryGetProperty("metadata", out var metadata)
        && metadata.TryGetProperty("event_type", out var type) && type.GetString() == PostEventType
        && metadata.TryGetProperty("event_payload", out var payload)
        && payload.TryGetProperty("outbox_key", out var key) && key.GetString() == tag;

    public Task<string> OpenDirectConversationAsync(string platformUserId, CancellationToken ct) =>
        directChannels.GetOrOpenAsync(platformUserId, () => api.OpenConversationAsync(platformUserId, ct), ct);
}
