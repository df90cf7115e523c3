namespace AccountabilityBot.Core.Domain;

/// <summary>Who changed what, when, from which platform.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? ActorId { get; set; }
    public ChatPlatform Platform { get; set; }
    /// <summary>"web" for a change made on a dashboard page; null for one made in the chat.</summary>
    public string? Via { get; set; }
    public required string Action { get; set; }
    public string? Subject { get; set; }
    public required string Summary { get; set; }
}
