namespace AccountabilityBot.Core.Domain;

public enum ChannelPurpose { Leadership, Frontline }

/// <summary>A conversation the bot posts to, and what for.</summary>
public sealed class ChannelBinding
{
    public int Id { get; set; }
    public ChatPlatform Platform { get; set; }
    public required string ConversationId { get; set; }
    public ChannelPurpose Purpose { get; set; }
    public int BoundById { get; set; }
    public DateTime BoundAt { get; set; }
}
