using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Slack;

/// <summary>Slack's side of the IChatSender port: posts as Block Kit with chat.postMessage; DMs through conversations.open.</summary>
public sealed class SlackChatSender(SlackWebApi api, SlackDirectChannels directChannels) : IPlatformChatSender
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public Task SendAsync(string conversationId, ChatMessage message, CancellationToken ct) =>
        api.PostMessageAsync(conversationId, BlockKit.Message(message), ct);

    public Task<string> OpenDirectConversationAsync(string platformUserId, CancellationToken ct) =>
        directChannels.GetOrOpenAsync(platformUserId, () => api.OpenConversationAsync(platformUserId, ct));
}
