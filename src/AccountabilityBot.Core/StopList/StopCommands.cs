using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.StopList;

/// <summary><c>stop propose "TITLE" [owner:@x] [review:DATE] [why:"rationale"]</c></summary>
public sealed record StopProposeCommand(string Title, MemberRef? Owner, DateOnly? ReviewOn, string? Rationale) : ChatCommand;

public enum StopAction { Agree, Keep, Reinstate }

/// <summary><c>stop agree S-3 [review:DATE]</c>, <c>stop keep S-3 [review:DATE]</c>, <c>stop reinstate S-3</c>.</summary>
public sealed record StopDecisionCommand(int StopItemId, StopAction Action, DateOnly? ReviewOn) : ChatCommand;

/// <summary><c>stop list</c> (or just <c>stop</c>).</summary>
public sealed record StopListCommand : ChatCommand;
