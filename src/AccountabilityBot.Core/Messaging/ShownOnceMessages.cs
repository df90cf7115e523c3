using System.Collections.Concurrent;

namespace AccountabilityBot.Core.Messaging;

/// <summary>
/// The whole of a post that carries a secret shown once (a new API key), kept in memory only, by outbox row, until it
/// is delivered: the row itself stores <see cref="ChatMessage.StoredAs"/>. After a restart the stored form goes out,
/// which says the secret can no longer be shown and how to make a new one.
/// </summary>
public sealed class ShownOnceMessages
{
    readonly ConcurrentDictionary<long, ChatMessage> byRow = new();

    public void Keep(long rowId, ChatMessage message)
    {
        if (message.StoredAs is not null) byRow[rowId] = message;
    }

    public ChatMessage? Find(long rowId) => byRow.GetValueOrDefault(rowId);

    public void Forget(long rowId) => byRow.TryRemove(rowId, out _);
}
