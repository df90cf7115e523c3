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
}

/// <summary>A message the bot posts to a conversation; the idempotency key makes a post happen once.</summary>
public sealed class OutboundMessage
{
    public long Id { get; set; }
    public ChatPlatform Platform { get; set; }
    public required string ConversationId { get; set; }
    public string? IdempotencyKey { get; set; }
    public required string MessageJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? Error { get; set; }
}
