using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Commands;

/// <summary>
/// The answer to a command, for whoever delivers it after the acknowledgement: the whole of it while the command
/// writer keeps it in memory (one carrying a secret shown once), else the form the inbox row stores.
/// </summary>
public sealed class StoredReplies(ShownOnceMessages shownOnce)
{
    /// <returns>Null when the command has not been answered yet.</returns>
    public ChatMessage? Find(ReceivedCommand row) =>
        shownOnce.Find(ShownOnceMessages.ReplyKey(row.Platform, row.DeliveryId))
        ?? (row.ReplyJson is { } json ? MessageJson.Deserialize(json) : null);

    /// <summary>The answer went out: a secret in it is shown no more.</summary>
    public void Delivered(ReceivedCommand row) => shownOnce.Forget(ShownOnceMessages.ReplyKey(row.Platform, row.DeliveryId));
}
