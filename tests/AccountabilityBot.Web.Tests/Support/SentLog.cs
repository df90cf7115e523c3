using System.Collections.Concurrent;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>Every send to the local platform, across however many hosts share the log.</summary>
public sealed class SentLog
{
    public ConcurrentQueue<(string Conversation, ChatMessage Message)> Sends { get; } = new();
    public ConcurrentDictionary<string, int> Tags { get; } = new();
}

/// <summary>Stands in for the local sender and records each delivery, so tests can count real sends, not rows.</summary>
public sealed class RecordingLocalSender(SentLog log) : IPlatformChatSender
{
    public ChatPlatform Platform => ChatPlatform.Local;

    public Task SendAsync(string conversationId, ChatMessage message, string? tag, CancellationToken ct)
    {
        log.Sends.Enqueue((conversationId, message));
        if (tag is not null) log.Tags.AddOrUpdate(tag, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task<bool?> HasPostedAsync(string conversationId, string tag, DateTime since, CancellationToken ct) =>
        Task.FromResult<bool?>(log.Tags.ContainsKey(tag));

    public Task<string> OpenDirectConversationAsync(string platformUserId, CancellationToken ct) => Task.FromResult("dm:" + platformUserId);
}
