using System.Collections.Concurrent;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Messaging;

/// <summary>
/// The whole of a message that carries a secret shown once (a new API key), kept in memory only until it is delivered:
/// the outbox row or the inbox reply stores <see cref="ChatMessage.StoredAs"/>. After a restart the stored form goes out,
/// which says the secret can no longer be shown and how to make a new one.
/// </summary>
public sealed class ShownOnceMessages(TimeProvider clock)
{
    /// <summary>
    /// How long a command's answer waits for a follow-up to deliver it. Most are answered inline and never asked for
    /// again, so a secret must not stay in memory for as long as the process runs; one delivered later than this goes
    /// out in its stored form, as after a restart.
    /// </summary>
    public static readonly TimeSpan ReplyLifetime = TimeSpan.FromMinutes(15);

    readonly ConcurrentDictionary<string, (ChatMessage Message, DateTimeOffset? Until)> byKey = new();

    /// <param name="key">The outbox post's idempotency key, or <see cref="RowKey"/> for a one-off post.</param>
    public void Keep(string key, ChatMessage message)
    {
        if (message.StoredAs is not null) byKey[key] = (message, null);
    }

    /// <summary>A command's answer, by its delivery, until a follow-up delivers it or <see cref="ReplyLifetime"/> runs out.</summary>
    public void KeepReply(ChatPlatform platform, string deliveryId, ChatMessage message)
    {
        if (message.StoredAs is null) return;
        var now = clock.GetUtcNow();
        foreach (var (key, kept) in byKey)
            if (kept.Until < now) byKey.TryRemove(key, out _);
        byKey[ReplyKey(platform, deliveryId)] = (message, now + ReplyLifetime);
    }

    public ChatMessage? Find(string key) =>
        byKey.TryGetValue(key, out var kept) && !(kept.Until < clock.GetUtcNow()) ? kept.Message : null;

    public void Forget(string key) => byKey.TryRemove(key, out _);

    public static string RowKey(long rowId) => $"outbox:{rowId}";

    public static string ReplyKey(ChatPlatform platform, string deliveryId) => $"reply:{platform}:{deliveryId}";
}
