using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Members;

/// <summary>What a platform says about a person (name, email, IANA zone), and how it updates the stored member.</summary>
/// <param name="Current">
/// Read just now from the platform, so a value that differs replaces the stored one. Otherwise (a payload's handle, a
/// profile remembered from earlier) it only fills what is missing: an older copy must never undo a newer change.
/// </param>
public sealed record MemberProfile(string? Name, string? Email, string? TimeZone, bool Current)
{
    public static MemberProfile Of(InboundCommand inbound) =>
        new(inbound.UserName, inbound.UserEmail, inbound.UserTimeZone, inbound.ProfileIsCurrent);

    /// <summary>Whether <see cref="ApplyTo"/> would change the member: lets the lean paths leave such a command to the full one.</summary>
    public bool WouldChange(Member member) => Changes(member) != default;

    /// <summary>Updates the member; true when something changed. An unknown zone or an empty value never clears one.</summary>
    public bool ApplyTo(Member member)
    {
        var (name, email, zone) = Changes(member);
        if (name is not null) member.DisplayName = name;
        if (email is not null) member.Email = email;
        if (zone is not null) member.TimeZone = zone;
        return (name, email, zone) != default;
    }

    /// <summary>
    /// A name as it is kept: trimmed, and cut to <see cref="Member.DisplayNameLength"/>, so a longer one from a platform
    /// is stored the same on both providers (SQLite would keep it whole, PostgreSQL refuse the whole command).
    /// </summary>
    public static string? Fit(string? name) =>
        name?.Trim() is { Length: > Member.DisplayNameLength } longer ? longer[..Member.DisplayNameLength].TrimEnd() : name?.Trim();

    (string? Name, string? Email, string? Zone) Changes(Member member)
    {
        // A member enrolled from a mention is known by their platform id until their own profile names them.
        var name = Fit(Name) is { Length: > 0 } n && n != member.DisplayName && (Current || member.DisplayName == member.PlatformUserId) ? n : null;
        var email = Email?.Trim() is { Length: > 0 } e && e != member.Email && (Current || member.Email is null) ? e : null;
        var zone = Clock.FindZone(TimeZone)?.Id is { } z && z != member.TimeZone && (Current || member.TimeZone is null) ? z : null;
        return (name, email, zone);
    }
}
