using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.Decisions;

/// <summary><c>decide TEXT [owner:@x] [due:DATE] [re:L-5]</c></summary>
public sealed record DecideCommand(string Text, MemberRef? Owner, DateOnly? Due, string? Regarding) : ChatCommand;
