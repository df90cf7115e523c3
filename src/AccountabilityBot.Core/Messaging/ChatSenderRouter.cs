using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Messaging;

/// <summary>
/// One platform's delivery (Slack Web API, Bot Connector, the local channel). Failures are thrown as
/// <see cref="ChatDeliveryException"/> saying whether a retry can help.
/// </summary>
public interface IPlatformChatSender
{
    ChatPlatform Platform { get; }

    /// <param name="tag">The outbox's key for the post; a platform that can attach it to the message does, for <see cref="HasPostedAsync"/>.</param>
    Task SendAsync(string conversationId, ChatMessage message, string? tag, CancellationToken ct);

    /// <summary>
    /// Whether a message tagged <paramref name="tag"/> reached the conversation since <paramref name="since"/>; null when
    /// the platform cannot say.
    /// </summary>
    Task<bool?> HasPostedAsync(string conversationId, string tag, DateTime since, CancellationToken ct) => Task.FromResult<bool?>(null);

    /// <summary>The conversation id of a 1:1 chat with the user (opening it if needed), for nudges and prompts.</summary>
    Task<string> OpenDirectConversationAsync(string platformUserId, CancellationToken ct);

    /// <summary>
    /// Asked before a conversation is bound to a purpose: why the bot could not post there (in words for the CCO),
    /// or null when it can. Platforms that only hear from conversations they are in need not check.
    /// </summary>
    Task<string?> WhyCannotPostAsync(string conversationId, CancellationToken ct) => Task.FromResult<string?>(null);
}

/// <summary>The <see cref="IChatSender"/> port: hands each post to the sender of its platform.</summary>
public sealed class ChatSenderRouter(IEnumerable<IPlatformChatSender> senders) : IChatSender
{
    readonly Dictionary<ChatPlatform, IPlatformChatSender> byPlatform = senders.ToDictionary(s => s.Platform);

    public async Task<ChatAddress> SendAsync(ChatAddress to, ChatMessage message, string? tag, CancellationToken ct)
    {
        var conversation = await ResolveAsync(to, ct);
        await For(to.Platform).SendAsync(conversation, message, tag, ct);
        return to with { ConversationId = conversation };
    }

    public async Task<bool?> HasPostedAsync(ChatAddress to, string tag, DateTime since, CancellationToken ct) =>
        await For(to.Platform).HasPostedAsync(await ResolveAsync(to, ct), tag, since, ct);

    async Task<string> ResolveAsync(ChatAddress to, CancellationToken ct) =>
        to.PersonId is { } person ? await For(to.Platform).OpenDirectConversationAsync(person, ct) : to.ConversationId;

    public Task<string?> WhyCannotPostAsync(ChatAddress to, CancellationToken ct) => For(to.Platform).WhyCannotPostAsync(to.ConversationId, ct);

    IPlatformChatSender For(ChatPlatform platform) => byPlatform.TryGetValue(platform, out var sender)
        ? sender
        : throw new ChatDeliveryException("platform_not_configured", permanent: true,
            $"{platform} is not configured in this installation; set its credentials or remove its channel bindings.");
}
