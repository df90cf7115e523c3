using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.Resolutions;

/// <summary><c>resolved "WHAT" [customer:"NAME"] [stage:NAME] [cost:25]</c></summary>
public sealed record ResolvedCommand(string What, string? Customer, string? Stage, decimal? Cost) : ChatCommand;
