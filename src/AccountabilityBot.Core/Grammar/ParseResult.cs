using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.Grammar;

/// <summary>Either a command, or what was wrong with the text and the right form to use.</summary>
public sealed record ParseResult(ChatCommand? Command, string? Error, string? Usage)
{
    public bool Succeeded => Command is not null;
    public static ParseResult Ok(ChatCommand command) => new(command, null, null);
    public static ParseResult Fail(string error, string? usage = null) => new(null, error, usage);
}

/// <summary>What the parser needs to know about the speaker: today in their own time zone (for "friday", "in 2 weeks").</summary>
public sealed record ParseContext(DateOnly Today);
