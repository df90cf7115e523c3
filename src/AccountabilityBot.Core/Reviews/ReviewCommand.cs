using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.Reviews;

/// <summary><c>review</c>: preview this week's customer review, here, now.</summary>
public sealed record ReviewCommand : ChatCommand;
