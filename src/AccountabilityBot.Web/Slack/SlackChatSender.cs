using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>Slack's side of the IChatSender port: posts as Block Kit with chat.postMessage; DMs through conversations.open.</summary>
public sealed class SlackChatSender(SlackWebApi api, SlackDirectChannels directChannels) : IPlatformChatSender
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public Task SendAsync(string conversationId, ChatMessage message, CancellationToken ct) =>
        api.PostMessageAsync(conversationId, BlockKit.Message(message), ct);

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

    public Task<string> OpenDirectConversationAsync(string platformUserId, CancellationToken ct) =>
        directChannels.GetOrOpenAsync(platformUserId, () => api.OpenConversationAsync(platformUserId, ct));
}
