using System.Collections.Concurrent;

namespace AccountabilityBot.Core.Messaging;

/// <summary>
/// The whole of a post that carries a secret shown once (a new API key), kept in memory only, by the post's key, until
/// it is delivered: the outbox row stores <see cref="ChatMessage.StoredAs"/>. After a restart the stored form goes out,
/// which says the secret can no longer be shown and how to make a new one.
/// </summary>
public sealed class ShownOnceMessages
{
    readonly ConcurrentDictionary<string, ChatMessage> byKey = new();

    /// <param name="key">The outbox post's idempotency key, or <see cref="RowKey"/> for a one-off post.</param>
    public void Keep(string key, ChatMessage message)
    {
        if (message.StoredAs is not null) byKey[key] = message;
    }

    public ChatMessage? Find(string key) => byKey.GetValueOrDefault(key);

    public void Forget(string key) => byKey.TryRemove(key, out _);

    public static string RowKey(long rowId) => $"outbox:{rowId}";
}
