namespace AccountabilityBot.Core.Domain;

public enum Role { Frontline, Executive, Cco }

public enum ChatPlatform { Local, Slack, Teams }

/// <summary>A chat user known to the bot, identified by platform and the platform's user id.</summary>
public sealed class Member
{
    /// <summary>The longest display name kept; a longer one from a platform is cut (see MemberProfile.Fit).</summary>
    public const int DisplayNameLength = 200;

    public int Id { get; set; }
    public ChatPlatform Platform { get; set; }
    public required string PlatformUserId { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public Role Role { get; set; }
    /// <summary>IANA zone; null means the cadence's zone.</summary>
    public string? TimeZone { get; set; }
    /// <summary>First day away, in the member's own zone; null: not away (see <see cref="Members.Availability"/>).</summary>
    public DateOnly? AwayFrom { get; set; }
    /// <summary>The day they are back, in their own zone (not itself a day away); null: until they say `me back`.</summary>
    public DateOnly? AwayUntil { get; set; }
    /// <summary>Quiet hours in the member's own zone: no scheduled DM arrives from <see cref="QuietFrom"/> until <see cref="QuietUntil"/>.</summary>
    public TimeOnly? QuietFrom { get; set; }
    /// <inheritdoc cref="QuietFrom"/>
    public TimeOnly? QuietUntil { get; set; }
    public DateTime JoinedAt { get; set; }
}
