using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Messaging;

/// <summary>One platform's delivery (Slack Web API, Bot Connector, the local channel).</summary>
public interface IPlatformChatSender
{
    ChatPlatform Platform { get; }
    Task SendAsync(string conversationId, ChatMessage message, CancellationToken ct);
}

/// <summary>The <see cref="IChatSender"/> port: hands each post to the sender of its platform.</summary>
public sealed class ChatSenderRouter(IEnumerable<IPlatformChatSender> senders) : IChatSender
{
    readonly Dictionary<ChatPlatform, IPlatformChatSender> byPlatform = senders.ToDictionary(s => s.Platform);

    public Task SendAsync(ChatAddress to, ChatMessage message, CancellationToken ct) =>
        byPlatform.TryGetValue(to.Platform, out var sender)
            ? sender.SendAsync(to.ConversationId, message, ct)
            : throw new InvalidOperationException($"{to.Platform} is not configured in this installation, so I can't post to {to.ConversationId}.");
}
