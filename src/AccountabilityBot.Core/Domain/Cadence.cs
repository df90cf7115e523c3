namespace AccountabilityBot.Core.Domain;

public enum ChannelPurpose { Leadership, Frontline }

/// <summary>When one kind of scheduled post goes out, in which IANA time zone.</summary>
public sealed class CadenceSetting
{
    public int Id { get; set; }
    /// <summary>One of <see cref="CadenceKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>Days as "mon,thu"; "daily" for every day.</summary>
    public required string Days { get; set; }
    public TimeOnly LocalTime { get; set; }
    public required string TimeZone { get; set; }
    public bool IsPaused { get; set; }
}

public static class CadenceKinds
{
    public const string Review = "review", Stories = "stories", Stops = "stops", Nudges = "nudges", Escalation = "escalation", Prompts = "prompts";
    public static readonly string[] All = [Review, Stories, Stops, Nudges, Escalation, Prompts];
}

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
