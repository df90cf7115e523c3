namespace AccountabilityBot.Core.Domain;

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
    public const string Review = "review", Stories = "stories", Stops = "stops", Nudges = "nudges", Escalation = "escalation", Prompts = "prompts",
        Touchpoints = "touchpoints", Patterns = "patterns";
    public static readonly string[] All = [Review, Stories, Stops, Nudges, Escalation, Prompts, Touchpoints, Patterns];
}
