using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Tests.Commands;

/// <summary>Every parser test speaks on Thursday 2026-11-26, so relative dates have one right answer.</summary>
internal static class ParserTestContext
{
    public static readonly DateOnly Today = new(2026, 11, 26);
    public static readonly ParseContext Context = new(Today);

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>Parses without the production safety net, so an unexpected exception fails the test.</summary>
    public static ParseResult Parse(string? text) => CommandParser.ParseUnguarded(text, Context);
}
