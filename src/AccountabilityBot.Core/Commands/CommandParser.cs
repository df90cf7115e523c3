namespace AccountabilityBot.Core.Commands;

// Replaced by the real grammar on the parser branch.
public static class CommandParser
{
    public static ParseResult Parse(string? text, ParseContext context) => ParseResult.Fail("Unknown command.");
}
