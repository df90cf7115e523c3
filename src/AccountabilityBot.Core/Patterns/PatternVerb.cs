using System.Globalization;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Patterns;

/// <summary><c>patterns</c> or <c>pattern list</c>: the patterns in the window now, and those leadership has answered.</summary>
public sealed record PatternListCommand : ChatCommand;

/// <summary><c>pattern dismiss F-3 "REASON"</c>: not raised again for the quiet period.</summary>
public sealed record PatternDismissCommand(int PatternId, string Reason) : ChatCommand;

/// <summary><c>pattern threshold 5 in:14d [quiet:90d]</c>: how many fixes, within how many days, make a pattern.</summary>
public sealed record PatternThresholdCommand(int Size, int WindowDays, int? QuietDays) : ChatCommand;

/// <summary><c>pattern check</c>: the daily search, run now.</summary>
public sealed record PatternCheckCommand : ChatCommand;

internal static class PatternVerb
{
    const string Usage = "patterns\npattern dismiss F-3 \"REASON\"\npattern threshold N in:DAYS [quiet:DAYS]\npattern check";

    static readonly string[] Actions = ["list", "dismiss", "threshold", "check"];

    // Anyone may look; leadership answers a pattern; the CCO sets what makes one.
    static readonly CommandRoute[] Routes =
    [
        CommandRoute.For<PatternListCommand, PatternHandler>(Role.Frontline),
        CommandRoute.For<PatternDismissCommand, PatternHandler>(Role.Executive),
        CommandRoute.For<PatternThresholdCommand, PatternHandler>(Role.Cco),
        CommandRoute.For<PatternCheckCommand, PatternHandler>(Role.Cco),
    ];

    public static Verb Verb { get; } = new("pattern", Usage, "pattern threshold 5 in:14d",
        "Frontline fixes that keep coming back, raised to leadership as stop-list candidates: dismiss one, or set the threshold.",
        Parse, Routes);

    /// <summary><c>patterns</c>, the list.</summary>
    public static Verb List { get; } = Verb.Bare("patterns",
        "The frontline patterns of the window (same stage and words, or same customer) and what leadership did with them.",
        () => new PatternListCommand(), Routes);

    static ChatCommand Parse(CommandInput input)
    {
        var words = input.Words;
        var action = words.Count == 0 ? "list" : words[0].IsPlain ? words[0].Lower : "";
        switch (action)
        {
            case "list":
                input.ExpectNothingAfter(1, "pattern list");
                return new PatternListCommand();
            case "check":
                input.ExpectNothingAfter(1, "pattern check");
                return new PatternCheckCommand();
            case "dismiss":
                var id = RefWords.Expect(words.ElementAtOrDefault(1), Refs.Pattern, "pattern dismiss");
                var reason = Words.Join(words.Skip(2), "reason", FrontlinePattern.ReasonLength)
                    ?? throw new ParseFailure($"Why dismiss it? Leadership will read the reason: pattern dismiss F-{id} \"Seasonal, ends with the sale\"");
                return new PatternDismissCommand(id, reason);
            case "threshold":
                return Threshold(input.Read(1, "in", "quiet"));
            default:
                throw new ParseFailure($"I don't know 'pattern {DidYouMean.Echo(words[0].Text)}'; use list, dismiss, threshold or check."
                    + DidYouMean.Hint(words[0].Text, Actions, "", allowPrefix: true));
        }
    }

    static PatternThresholdCommand Threshold(Args args)
    {
        if (args.Rest.Count == 0 || !int.TryParse(args.Rest[0].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            throw new ParseFailure("How many fixes make a pattern? pattern threshold 5 in:14d"
                + (args.Rest.Count == 0 ? "" : $" ('{DidYouMean.Echo(args.Rest[0].Text)}' isn't a whole number)."));
        if (args.Rest.Count > 1)
            throw new ParseFailure($"`pattern threshold {size}` takes only in:DAYS and quiet:DAYS after it; "
                + $"I didn't expect '{DidYouMean.Echo(args.Rest[1].Text)}'.");
        if (size is < PatternRule.MinSize or > PatternRule.MaxSize)
            throw new ParseFailure($"A pattern needs between {PatternRule.MinSize} and {PatternRule.MaxSize} fixes; {size} won't do.");
        var window = Days(args, "in", PatternRule.MaxWindowDays) ?? throw new ParseFailure($"Within how many days? pattern threshold {size} in:14d");
        return new PatternThresholdCommand(size, window, Days(args, "quiet", PatternRule.MaxQuietDays));
    }

    /// <summary>A number of days: 14, 14d, 14 days, 2w, 2 weeks.</summary>
    static int? Days(Args args, string key, int max)
    {
        if (args.Text(key, 20) is not { } text) return null;
        var t = text.Trim().ToLowerInvariant();
        var digits = t.TakeWhile(char.IsAsciiDigit).Count();
        var unit = t[digits..].Trim();
        int? days = digits == 0 || !int.TryParse(t[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? null : unit switch
        {
            "" or "d" or "day" or "days" => n,
            "w" or "wk" or "week" or "weeks" => n * 7,
            _ => null,
        };
        if (days is null) throw new ParseFailure($"{key}: takes days, like {key}:14d or {key}:2w; '{DidYouMean.Echo(text)}' isn't that.");
        return days is < 1 || days > max ? throw new ParseFailure($"{key}: must be between 1 and {max} days.") : days;
    }
}
