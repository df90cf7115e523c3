using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Members;

/// <summary><c>role @tom executive</c>; <c>role</c> lists the roster.</summary>
public sealed record RoleCommand(MemberRef? Member, Role? Role) : ChatCommand;

/// <summary><c>me tz:Europe/Paris</c>, <c>me away</c>, <c>me back</c>; <c>me</c> shows the speaker's settings.</summary>
public sealed record MeCommand(string? TimeZone, bool? Away) : ChatCommand;
