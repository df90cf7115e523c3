namespace AccountabilityBot.Core.Commands;

/// <summary><c>help</c> or <c>help commit</c>.</summary>
public sealed record HelpCommand(string? Verb) : ChatCommand;
