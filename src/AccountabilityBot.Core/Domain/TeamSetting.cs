namespace AccountabilityBot.Core.Domain;

/// <summary>One of the CCO's team-wide choices made in chat, by name (see <c>TeamSettings</c>); a missing row is the default.</summary>
public sealed class TeamSetting
{
    public const int NameLength = 64, ValueLength = 200;

    public required string Name { get; set; }
    public required string Value { get; set; }
    public int ChangedById { get; set; }
    public DateTime ChangedAt { get; set; }
}
