namespace AccountabilityBot.Core.Commands;

/// <summary>A parsed chat command: one record per verb form, produced by the command parser.</summary>
public abstract record ChatCommand;

/// <summary>
/// A platform-neutral reference to a member: <c>@name</c> (matched by name), <c>&lt;@U123&gt;</c>
/// (a platform user id, the form every adapter turns its mentions into) or <c>me</c>.
/// </summary>
public sealed record MemberRef(string? PlatformUserId, string? Name, bool IsSelf = false)
{
    public static readonly MemberRef Self = new(null, null, IsSelf: true);
    public static MemberRef ById(string id, string? name = null) => new(id, name);
    public static MemberRef ByName(string name) => new(null, name);
    public override string ToString() => IsSelf ? "me" : PlatformUserId is { } id ? $"<@{id}>" : "@" + Name;
}
