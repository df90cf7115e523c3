using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Touchpoints;

/// <summary><c>touchpoint list</c>: every touchpoint with its latest value, trend and owner.</summary>
public sealed record TouchpointListCommand : ChatCommand;

/// <summary><c>touchpoint add NAME stage:S unit:U good:up|down threshold:N [owner:@x] [measure:TEXT]</c>.</summary>
public sealed record TouchpointAddCommand(string Name, string Stage, string Unit, GoodDirection Good, decimal Threshold, MemberRef? Owner,
    string? Measure) : ChatCommand;

/// <summary><c>touchpoint edit NAME [name:NEW] [stage:] [unit:] [good:] [threshold:] [owner:] [measure:]</c>: only what is given changes.</summary>
public sealed record TouchpointEditCommand(string Touchpoint, string? Name, string? Stage, string? Unit, GoodDirection? Good, decimal? Threshold,
    MemberRef? Owner, string? Measure) : ChatCommand;

/// <summary><c>touchpoint value NAME NUMBER [UNIT] [on:DATE]</c>: one day's value, replacing any earlier one for that day.</summary>
public sealed record TouchpointValueCommand(string Touchpoint, decimal Value, string? Unit, DateOnly? On) : ChatCommand;

internal static class TouchpointVerb
{
    const string Usage = "touchpoint list\n"
        + "touchpoint add NAME stage:STAGE unit:UNIT good:up|down threshold:N [owner:@name] [measure:TEXT]\n"
        + "touchpoint edit NAME [name:NEW] [stage:] [unit:] [good:] [threshold:] [owner:] [measure:]\n"
        + "touchpoint value NAME NUMBER [UNIT] [on:DATE]";

    static readonly string[] Actions = ["list", "add", "edit", "value"];

    // The CCO names and edits touchpoints; executives record values too (they often own the measure), and anyone may look.
    static readonly CommandRoute[] Routes =
    [
        CommandRoute.For<TouchpointListCommand, TouchpointHandler>(Role.Frontline),
        CommandRoute.For<TouchpointAddCommand, TouchpointHandler>(Role.Cco),
        CommandRoute.For<TouchpointEditCommand, TouchpointHandler>(Role.Cco),
        CommandRoute.For<TouchpointValueCommand, TouchpointHandler>(Role.Executive),
    ];

    public static Verb Verb { get; } = new("touchpoint", Usage,
        "touchpoint add \"First reply within 4 hours\" stage:\"Get help\" unit:hours good:down threshold:4 owner:@maria",
        "The key touchpoints of the journey, watched against their thresholds: the CCO names them, executives record values.",
        Parse, Routes);

    /// <summary><c>touchpoints</c>, the list.</summary>
    public static Verb List { get; } = Verb.Bare("touchpoints", "Every touchpoint with its latest value, its trend and who owns the fix.",
        () => new TouchpointListCommand(), Routes);

    static ChatCommand Parse(CommandInput input)
    {
        var words = input.Words;
        var action = words.Count == 0 ? "list" : words[0].IsPlain ? words[0].Lower : "";
        switch (action)
        {
            case "list":
                input.ExpectNothingAfter(1, "touchpoint list");
                return new TouchpointListCommand();
            case "add":
                return Add(input.Read(1, "stage", "unit", "good", "threshold", "owner", "measure"));
            case "edit":
                return Edit(input.Read(1, "name", "stage", "unit", "good", "threshold", "owner", "measure"));
            case "value":
                return TouchpointValueGrammar.Parse(input.Read(1, "on"));
            default:
                throw new ParseFailure($"I don't know 'touchpoint {DidYouMean.Echo(words[0].Text)}'; use list, add, edit or value."
                    + DidYouMean.Hint(words[0].Text, Actions, "", allowPrefix: true));
        }
    }

    static TouchpointAddCommand Add(Args args)
    {
        var name = args.FreeText("touchpoint name", Touchpoint.NameLength)
            ?? throw new ParseFailure("Name the touchpoint: touchpoint add \"First reply within 4 hours\" stage:\"Get help\" unit:hours good:down threshold:4");
        var stage = args.Text("stage", Limits.Title) ?? throw new ParseFailure("A touchpoint needs its journey stage: stage:\"Get help\".");
        var unit = args.Symbol("unit", Touchpoint.UnitLength) ?? throw new ParseFailure("A touchpoint needs its unit: unit:hours, unit:% or unit:orders.");
        var good = Direction(args) ?? throw new ParseFailure("Which way is good? Add good:up (higher is better) or good:down (lower is better).");
        var threshold = Threshold(args) ?? throw new ParseFailure("Past which value do customers feel it? Add threshold:4");
        return new TouchpointAddCommand(name, stage, unit, good, threshold, args.Member("owner"), args.Text("measure", 500));
    }

    static TouchpointEditCommand Edit(Args args)
    {
        var touchpoint = args.FreeText("touchpoint name", Touchpoint.NameLength)
            ?? throw new ParseFailure("Which touchpoint? touchpoint edit \"First reply within 4 hours\" threshold:6");
        var edit = new TouchpointEditCommand(touchpoint, args.Text("name", Touchpoint.NameLength), args.Text("stage", Limits.Title),
            args.Symbol("unit", Touchpoint.UnitLength), Direction(args), Threshold(args), args.Member("owner"), args.Text("measure", 500));
        return edit is { Name: null, Stage: null, Unit: null, Good: null, Threshold: null, Owner: null, Measure: null }
            ? throw new ParseFailure("What should change? Add name:, stage:, unit:, good:, threshold:, owner: or measure:.")
            : edit;
    }

    static GoodDirection? Direction(Args args) => args.Text("good", 20)?.ToLowerInvariant() switch
    {
        null => null,
        "up" or "higher" or "more" or "high" => GoodDirection.Up,
        "down" or "lower" or "less" or "low" => GoodDirection.Down,
        var other => throw new ParseFailure($"good: takes up (higher is better) or down (lower is better), not '{DidYouMean.Echo(other)}'."),
    };

    static decimal? Threshold(Args args)
    {
        if (args.Text("threshold", 40) is not { } text) return null;
        return TouchpointUnits.Read(text, out _)
            ?? throw new ParseFailure($"threshold: must be a number like 4 or 95%; '{DidYouMean.Echo(text)}' isn't one.");
    }
}
