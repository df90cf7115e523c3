using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Commands;

/// <summary>What happened to a command; adapters decide on this, never on the reply's text.</summary>
public enum OutcomeKind
{
    /// <summary>The command ran and was recorded; its reply is this delivery's first answer.</summary>
    Done,
    /// <summary>Not carried out: the speaker can fix it (a parse error, a role that may not, a value the use case rejected).</summary>
    Refused,
    /// <summary>Answered from the inbox: a retry or a duplicate of a delivery handled before. Nothing ran again.</summary>
    Repeat,
    /// <summary>Another copy of this delivery is running; the answer comes from that one.</summary>
    StillWorking,
    /// <summary>The database could not take the command; nothing of it was stored, so sending it again is safe.</summary>
    NotStored,
    /// <summary>The bot's own error: the command was rolled back and its inbox row says nothing was recorded.</summary>
    Failed,
}

/// <summary>What a command came to: what happened, and the reply to show for it.</summary>
/// <param name="ReceivedId">The command's inbox row; null when it was not stored.</param>
public sealed record CommandOutcome(OutcomeKind Kind, ChatMessage Reply, long? ReceivedId)
{
    /// <summary>
    /// Why nothing was carried out, in one line: set when refused, failed or not stored, and on a repeat of a delivery
    /// that was refused or failed (kept on its inbox row), so a retried modal submission is refused again alike.
    /// </summary>
    public string? Refusal { get; init; }

    /// <summary>How to type the command, for a fresh refusal that has one.</summary>
    public string? Usage { get; init; }

    /// <summary>Why the command was not stored.</summary>
    public Exception? Error { get; init; }

    /// <summary>
    /// Another instance's open transaction is storing this delivery (see <see cref="DeliveryClaim"/>), so nothing was
    /// stored: the <see cref="CommandWriter"/> runs it again after its commit, and answers "still working" only if that
    /// transaction stays open too long.
    /// </summary>
    public bool HeldElsewhere { get; init; }

    /// <summary>The reply is this delivery's first answer (not a retry's, nor one another copy is working on).</summary>
    public bool Fresh => Kind is OutcomeKind.Done or OutcomeKind.Refused or OutcomeKind.Failed;

    /// <summary>Nothing was carried out, and <see cref="Refusal"/> says why (the reply says it at length).</summary>
    public bool IsRefusal => Refusal is not null;

    public static CommandOutcome Done(ChatMessage reply, long receivedId) => new(OutcomeKind.Done, reply, receivedId);

    public static CommandOutcome Refused(string reason, string? usage, long receivedId) =>
        new(OutcomeKind.Refused, Replies.Problem(reason, usage), receivedId) { Refusal = reason, Usage = usage };

    public static CommandOutcome Failed(long receivedId) =>
        new(OutcomeKind.Failed, Replies.NothingRecorded, receivedId) { Refusal = Replies.NothingRecordedText };

    /// <param name="earlierRefusal">What the first answer refused, if it did (see <see cref="Refusal"/>).</param>
    public static CommandOutcome Repeat(ChatMessage earlier, string? earlierRefusal, long receivedId) =>
        new(OutcomeKind.Repeat, earlier, receivedId) { Refusal = earlierRefusal };

    public static CommandOutcome StillWorking(long receivedId) => new(OutcomeKind.StillWorking, Replies.StillWorking, receivedId);

    public static CommandOutcome Held() => new(OutcomeKind.StillWorking, Replies.StillWorking, null) { HeldElsewhere = true };

    public static CommandOutcome NotStored(Exception error) =>
        new(OutcomeKind.NotStored, Replies.NothingRecorded, null) { Refusal = Replies.NothingRecordedText, Error = error };

    /// <summary>For a caller that finishes acknowledged work and must try again later when the command was not stored.</summary>
    public CommandOutcome ThrowIfNotStored() =>
        Kind == OutcomeKind.NotStored ? throw new InvalidOperationException("The command could not be stored; try again.", Error) : this;
}
