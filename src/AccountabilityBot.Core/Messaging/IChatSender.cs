using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Messaging;

/// <summary>Sends a message to a conversation; one implementation per platform, routed by <see cref="ChatAddress.Platform"/>.</summary>
public interface IChatSender
{
    Task<ChatAddress> SendAsync(ChatAddress to, ChatMessage message, CancellationToken ct) => SendAsync(to, message, tag: null, ct);

    /// <summary>Sends a message carrying <paramref name="tag"/> (the outbox's key for it) where the platform can keep one.</summary>
    /// <returns>The conversation it went to (a <see cref="ChatAddress.DirectTo(ChatPlatform, string)"/> address resolved).</returns>
    Task<ChatAddress> SendAsync(ChatAddress to, ChatMessage message, string? tag, CancellationToken ct);

    /// <summary>
    /// Whether a message carrying <paramref name="tag"/> reached the conversation since <paramref name="since"/>: asked
    /// about a post whose sender died mid-send. Null when the platform cannot say.
    /// </summary>
    Task<bool?> HasPostedAsync(ChatAddress to, string tag, DateTime since, CancellationToken ct);

    /// <summary>Why the bot could not post in this conversation, or null when it can.</summary>
    Task<string?> WhyCannotPostAsync(ChatAddress to, CancellationToken ct);
}
