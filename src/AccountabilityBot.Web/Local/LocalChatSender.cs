using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Local;

/// <summary>
/// The local channel has no remote service: the outbox row the post was stored in is what `GET /local/messages` reads,
/// so delivering is already done.
/// </summary>
public sealed class LocalChatSender : IPlatformChatSender
{
    public ChatPlatform Platform => ChatPlatform.Local;

    public Task SendAsync(string conversationId, ChatMessage message, string? tag, CancellationToken ct) => Task.CompletedTask;

    /// <summary>A local post appears once its row is marked sent, so a post in doubt has not appeared yet.</summary>
    public Task<bool?> HasPostedAsync(string conversationId, string tag, DateTime since, CancellationToken ct) => Task.FromResult<bool?>(false);

    /// <summary>A local DM is the conversation "dm:USER", which the chat page offers as a channel.</summary>
    public Task<string> OpenDirectConversationAsync(string platformUserId, CancellationToken ct) => Task.FromResult("dm:" + platformUserId);
}
