using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Customers.Metrics;

/// <summary>
/// <c>jar</c>, <c>jar week|month|quarter</c>, <c>jar 2026-10-01..2026-12-31</c>: the marble jar and net growth for
/// that range (bare <c>jar</c> is this week so far), with the 12-week trend.
/// </summary>
public sealed record JarCommand(string Label, DateRange Range) : ChatCommand;

/// <summary><c>why lost [week|month|quarter|RANGE]</c>: why customers left, ranked; quarter to date by default.</summary>
public sealed record WhyLostCommand(string Label, DateRange Range) : ChatCommand;

/// <summary><c>jar</c> and <c>why lost</c>: two read-only verbs over one period grammar.</summary>
internal static class MetricVerbs
{
    public static Verb Jar { get; } = new("jar", "jar\njar week|month|quarter\njar 2026-10-01..2026-12-31", "jar quarter",
        "The marble jar: customers won and lost, their yearly value and the net, with the 12-week trend.",
        ParseJar, [CommandRoute.For<JarCommand, JarHandler>(Role.Frontline)]);

    public static Verb WhyLost { get; } = new("why", "why lost [week|month|quarter|FROM..TO]", "why lost quarter",
        "Why customers left, ranked by how many and what they were worth (quarter to date unless you say).",
        ParseWhy, [CommandRoute.For<WhyLostCommand, WhyLostHandler>(Role.Frontline)]);

    static readonly string[] PeriodWords = ["week", "month", "quarter"];

    static JarCommand ParseJar(CommandInput input)
    {
        var (label, range) = Period(input, 0, "jar", "week");
        return new JarCommand(label, range);
    }

    static WhyLostCommand ParseWhy(CommandInput input)
    {
        if (input.Words.Count == 0 || input.Words[0].Lower != "lost")
            throw new ParseFailure("Ask `why lost`, optionally with week, month, quarter or a range like 2026-10-01..2026-12-31.");
        var (label, range) = Period(input, 1, "why lost", "quarter");
        return new WhyLostCommand(label, range);
    }

    /// <summary>The optional period word at <paramref name="at"/>, resolved against the speaker's today.</summary>
    static (string Label, DateRange Range) Period(CommandInput input, int at, string form, string fallback)
    {
        var word = input.Words.ElementAtOrDefault(at);
        input.ExpectNothingAfter(at + 1, $"{form} week|month|quarter|FROM..TO");
        var text = word?.Lower ?? fallback;
        var today = input.Today;
        if (DateRange.Named(text, today) is { } named) return named;
        return text switch
        {
            _ when text.Contains("..", StringComparison.Ordinal) =>
                DateRange.TryParse(text, out var problem) is { } range ? (range.Label, range) : throw new ParseFailure(problem!),
            _ => throw new ParseFailure($"I can't read '{DidYouMean.Echo(word!.Text)}' as a period; use week, month, quarter or 2026-10-01..2026-12-31."
                + DidYouMean.Hint(word.Text, PeriodWords, "", allowPrefix: true)),
        };
    }
}
