using System.Text;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Tests.Commands;

namespace AccountabilityBot.Core.Tests.Grammar;

/// <summary>
/// The parser sits on a chat loop, so no input may throw. These call the unguarded entry point: the
/// production catch-all would otherwise hide an exception and the test would prove nothing.
/// </summary>
public sealed class ParserRobustnessTests
{
    static readonly string[] Fragments =
    [
        "decide", "commit", "update", "done", "stop", "propose", "agree", "keep", "reinstate", "list", "resolved",
        "lost", "won", "renewed", "referral", "story", "pick", "mine", "review", "cadence", "role", "stage", "add",
        "rename", "remove", "channel", "me", "answer", "help", "/cx", "cx", "pause", "resume", "daily", "every", "day",
        "owner:", "due:", "re:", "stage:", "value:", "cost:", "reason:", "story:", "on:", "by:", "tz:", "why:", "after:",
        "ownr:", "@maria", "@", "<@", "<@U1|Tom B>", ">", "|", "me", "C-7", "c7", "L-5", "S-3", "P-4", "D-", "-",
        "\"", "'", "\u201C", "\u201D", "\u2018", "\u2019", ":", "::", "in", "2", "weeks", "a", "next", "last", "monday",
        "fri", "dec", "15", "2027", "2026-02-30", "2026-12-15", "9999-12-31", "0001-01-01", "in 99999 years", "$", "k",
        "36,000", "1.5m", "-5", "1e9", "08:00", "25:00", "8am", "12pm", "mon,thu", "America/New_York", "Mars/Olympus",
        "../..", "at-risk", "executive", "leadership", "🎉", "👩‍👩‍👧", "\uD83D", "\u202E", "\u200F", "\u00A0", "\0", "\t", "\n",
        "\r", "שלום", "مرحبا", "東京", "\\", "`", "*", "%s", "{0}", "null", " ", "  ",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void ParseUnguarded_RandomFragmentSoup_NeverThrowsAndAlwaysAnswers(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 500; i++) // 4 seeds × 500 = 2,000 inputs
        {
            var text = RandomText(random);
            var today = (i % 50) switch { 0 => DateOnly.MinValue, 1 => DateOnly.MaxValue, _ => new DateOnly(2026, 11, 26) };

            var result = CommandParser.ParseUnguarded(text, new ParseContext(today));

            Assert.True(result.Succeeded ^ result.Error is not null, $"Neither command nor error for: {text}");
            Assert.True(result.Succeeded || result.Error!.Length > 0, $"Empty error for: {text}");
        }
    }

    [Fact]
    public void Parse_TenThousandCharacters_FailsWithLengthInsteadOfThrowing()
    {
        var text = "commit " + string.Concat(Enumerable.Repeat("owner:@x \"due:in 2 ", 600))[..9_993];

        var result = CommandParser.ParseUnguarded(text, ParserTestContext.Context);

        Assert.False(result.Succeeded);
        Assert.Contains("10,000 characters", result.Error);
    }

    [Fact]
    public void Parse_JustUnderTheLimitOfHostileText_Answers()
    {
        var text = "decide " + string.Concat(Enumerable.Repeat("<@ \"' re: ", 400))[..3_990];

        var result = CommandParser.ParseUnguarded(text, ParserTestContext.Context);

        Assert.NotNull(result.Error ?? result.Command?.ToString());
    }

    [Fact]
    public void Parse_NullContext_StillAnswers()
    {
        var result = CommandParser.Parse("commit Fix it due:tomorrow", null!);

        Assert.True(result.Succeeded, result.Error);
    }

    static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        // Mostly start with a real verb so the soup reaches the verb handlers, not just "unknown command".
        if (random.Next(10) < 7) sb.Append(CommandCatalog.All[random.Next(CommandCatalog.All.Count)].Verb).Append(' ');
        var parts = random.Next(0, 14);
        for (var p = 0; p < parts; p++)
        {
            if (random.Next(6) == 0) sb.Append((char)random.Next(0, 0xFFFF)); // any UTF-16 unit, lone surrogates included
            else sb.Append(Fragments[random.Next(Fragments.Length)]);
            if (random.Next(3) > 0) sb.Append(' ');
        }
        return sb.ToString();
    }
}
