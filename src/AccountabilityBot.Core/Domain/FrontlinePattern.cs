namespace AccountabilityBot.Core.Domain;

public enum PatternStatus { Raised, Dismissed, StopProposed }

/// <summary>
/// Frontline fixes that keep coming back (F-n): resolutions at one journey stage sharing significant words, or for one
/// customer, past the CCO's threshold. Raised to leadership once per window; dismissed (with the reason) or turned into a
/// stop-list proposal, it stays quiet until <see cref="QuietUntil"/>. <see cref="Key"/> names it stably: the stage and
/// two shared words ("w:3:delivery missed") or the customer ("c:acme dental").
/// </summary>
public sealed class FrontlinePattern
{
    public const int KeyLength = 240, NameLength = 200, ReasonLength = 500;

    public int Id { get; set; }
    public required string Key { get; set; }
    /// <summary>What it is called in posts: its shared words, or the customer's name.</summary>
    public required string Name { get; set; }
    public int? StageId { get; set; }
    public JourneyStage? Stage { get; set; }
    public string? CustomerName { get; set; }
    public PatternStatus Status { get; set; }
    /// <summary>The evidence when last raised: how many fixes, and what they cost together.</summary>
    public int Size { get; set; }
    public decimal Cost { get; set; }
    public DateTime FirstRaisedAt { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime? QuietUntil { get; set; }
    public string? DismissedReason { get; set; }
    public int? DismissedById { get; set; }
    public Member? DismissedBy { get; set; }
    public DateTime? DismissedAt { get; set; }
    public List<PatternEvidence> Evidence { get; set; } = [];

    public bool IsQuiet(DateTime now) => QuietUntil is { } until && until > now;
}

/// <summary>One resolution in a pattern's evidence when it was last raised.</summary>
public sealed class PatternEvidence
{
    public int PatternId { get; set; }
    public int ResolutionId { get; set; }
}

/// <summary>
/// The CCO's rule for raising patterns (one row; absent means the defaults): at least <see cref="Size"/> fixes within
/// <see cref="WindowDays"/> days; a dismissed or proposed pattern stays quiet for <see cref="QuietDays"/> days.
/// </summary>
public sealed class PatternRule
{
    public const int DefaultSize = 5, DefaultWindowDays = 14, DefaultQuietDays = 90;
    public const int MinSize = 2, MaxSize = 1000, MaxWindowDays = 365, MaxQuietDays = 3650;

    public int Id { get; set; }
    public int Size { get; set; } = DefaultSize;
    public int WindowDays { get; set; } = DefaultWindowDays;
    public int QuietDays { get; set; } = DefaultQuietDays;
    public int? ChangedById { get; set; }
    public DateTime? ChangedAt { get; set; }
}
