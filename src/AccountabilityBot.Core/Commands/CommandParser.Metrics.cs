using AccountabilityBot.Core.ApiKeys;
using AccountabilityBot.Core.Customers.Metrics;

namespace AccountabilityBot.Core.Commands;

// jar, why lost and apikey.
public static partial class CommandParser
{
    static readonly string[] PeriodWords = ["week", "month", "quarter"];

    static ChatCommand Jar(CommandInput input)
    {
        var (label, range) = Period(input, 0, "jar", "week");
        return new JarCommand(label, range);
    }

    static ChatCommand Why(CommandInput input)
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
        return text switch
        {
            "week" => ("this week so far", DateRange.WeekToDate(today)),
            "month" => ("this month so far", DateRange.MonthToDate(today)),
            "quarter" => ("this quarter so far", DateRange.QuarterToDate(today)),
            _ when text.Contains("..", StringComparison.Ordinal) =>
                DateRange.TryParse(text, out var problem) is { } range ? (range.Label, range) : throw new ParseFailure(problem!),
            _ => throw new ParseFailure($"I can't read '{DidYouMean.Echo(word!.Text)}' as a period; use week, month, quarter or 2026-10-01..2026-12-31."
                + DidYouMean.Hint(word.Text, PeriodWords, "", allowPrefix: true)),
        };
    }

    static ChatCommand ApiKey(CommandInput input)
    {
        var words = input.Words;
        if (words.Count == 0) return new ApiKeyCommand(ApiKeyAction.List, null);
        var action = words[0].Lower switch
        {
            "create" => ApiKeyAction.Create,
            "revoke" => ApiKeyAction.Revoke,
            _ => throw new ParseFailure($"I don't know 'apikey {DidYouMean.Echo(words[0].Text)}'; use create or revoke."),
        };
        var name = words.ElementAtOrDefault(1) is { } n ? Words.Clean(n.Text, "key name", 64)
            : throw new ParseFailure($"Name the key: apikey {words[0].Lower} hubspot.");
        input.ExpectNothingAfter(2, $"apikey {words[0].Lower} NAME");
        return new ApiKeyCommand(action, name);
    }
}
