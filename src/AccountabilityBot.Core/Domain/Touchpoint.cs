namespace AccountabilityBot.Core.Domain;

/// <summary>Which way a touchpoint's measure should move: up (orders on time, %) or down (hours to first reply).</summary>
public enum GoodDirection { Up, Down }

/// <summary>
/// A key moment of the customer's journey the CCO watches (T-n): its measure, unit, which direction is good, the threshold
/// past which customers feel it, and the leader who owns fixing it. The watch posts to leadership once per alert:
/// <see cref="AlertedAt"/> is when it last did, <see cref="RecoveredAt"/> when the measure was back on the good side since.
/// </summary>
public sealed class Touchpoint
{
    public const int NameLength = 120, UnitLength = 24;

    public int Id { get; set; }
    public required string Name { get; set; }
    public int StageId { get; set; }
    public JourneyStage Stage { get; set; } = null!;
    /// <summary>What is measured, in the CCO's words ("share of orders delivered on the promised day").</summary>
    public string? Measure { get; set; }
    public required string Unit { get; set; }
    public GoodDirection Good { get; set; }
    public decimal Threshold { get; set; }
    public int OwnerId { get; set; }
    public Member Owner { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public DateTime? AlertedAt { get; set; }
    public DateTime? RecoveredAt { get; set; }

    /// <summary>On the bad side of the threshold; exactly at it is still within what was promised.</summary>
    public bool IsBad(decimal value) => Good == GoodDirection.Down ? value > Threshold : value < Threshold;

    /// <summary>Alerted, and not back on the good side since.</summary>
    public bool IsAlerting => AlertedAt is not null && RecoveredAt is null;
}

/// <summary>One day's value of a touchpoint; a later value for the same day replaces it.</summary>
public sealed class TouchpointValue
{
    public long Id { get; set; }
    public int TouchpointId { get; set; }
    public DateOnly On { get; set; }
    public decimal Value { get; set; }
    public DateTime RecordedAt { get; set; }
}
