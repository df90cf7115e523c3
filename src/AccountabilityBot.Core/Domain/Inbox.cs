namespace AccountabilityBot.Core.Domain;

/// <summary>
/// Every command as it arrived, stored before it is handled so nothing typed is lost,
/// and keyed by the platform's delivery id so a retried delivery is answered, not re-run.
/// </summary>
public sealed class ReceivedCommand
{
    public long Id { get; set; }
    public ChatPlatform Platform { get; set; }
    public required string DeliveryId { get; set; }
    public required string ConversationId { get; set; }
    public required string UserId { get; set; }
    public required string Text { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime? HandledAt { get; set; }
    /// <summary>The reply as stored JSON, so a retry gets the same answer.</summary>
    public string? ReplyJson { get; set; }
    /// <summary>
    /// Why the command was not carried out (refused, or failed and rolled back), in one line; null when it was. A
    /// repeat of the delivery is then answered as a refusal too, without reading the reply.
    /// </summary>
    public string? Refusal { get; set; }
    /// <summary>
    /// What is still to be done after the platform was acknowledged (run the command, deliver the answer), as JSON
    /// without credentials, for whoever finishes it after a crash; null once done or when nothing was left to do.
    /// </summary>
    public string? FollowUp { get; set; }
    /// <summary>Until when a worker is finishing the follow-up; after that a sweep takes it over.</summary>
    public DateTime? LeaseUntil { get; set; }
}

/// <summary>
/// A message the bot posts to a conversation. The idempotency key (kind + target + period) makes a post happen once;
/// the lease keeps two workers from sending the same row; a row is finished when sent, failed or dropped.
/// </summary>
public sealed class OutboundMessage
{
    public long Id { get; set; }
    public ChatPlatform Platform { get; set; }
    public required string ConversationId { get; set; }
    public string? IdempotencyKey { get; set; }
    /// <summary>What kind of post it is ("review", "nudge", "reply"...), for logs and reports.</summary>
    public string Kind { get; set; } = "post";
    public required string MessageJson { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>After this instant the post is stale: dropped rather than sent late.</summary>
    public DateTime? NotAfter { get; set; }
    /// <summary>Not sent before this instant: a DM held by its member's quiet hours.</summary>
    public DateTime? NotBefore { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    /// <summary>Which delivery holds the lease, so a worker knows which rows of a batch it won.</summary>
    public string? LeaseToken { get; set; }
    /// <summary>When a send may first have begun since the last recorded outcome (a lease that ran out unfinished is kept).</summary>
    public DateTime? LeasedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public DateTime? DroppedAt { get; set; }
    public string? Error { get; set; }

    public bool IsFinished => SentAt is not null || FailedAt is not null || DroppedAt is not null;
}
