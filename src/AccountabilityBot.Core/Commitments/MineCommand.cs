using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.Commitments;

/// <summary><c>mine</c>: the speaker's open commitments, decisions they own and stop items they own.</summary>
public sealed record MineCommand : ChatCommand;
