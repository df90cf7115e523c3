using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.Commitments;

/// <summary><c>commit TITLE owner:@x due:DATE [stage:NAME] [re:L-5]</c>; owner defaults to the speaker.</summary>
public sealed record CommitCommand(string Title, MemberRef? Owner, DateOnly Due, string? Stage, string? Regarding) : ChatCommand;
