using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.StopList;

/// <summary><c>stop propose "TITLE" [owner:@x] [review:DATE] [why:"rationale"] [re:F-3]</c>: re: links the frontline pattern it answers.</summary>
public sealed record StopProposeCommand(string Title, MemberRef? Owner, DateOnly? ReviewOn, string? Rationale, int? PatternId = null) : ChatCommand;

public enum StopAction { Agree, Keep, Reinstate }

/// <summary><c>stop agree S-3 [review:DATE]</c>, <c>stop keep S-3 [review:DATE]</c>, <c>stop reinstate S-3</c>.</summary>
public sealed record StopDecisionCommand(int StopItemId, StopAction Action, DateOnly? ReviewOn) : ChatCommand;

/// <summary><c>stop list</c> (or just <c>stop</c>).</summary>
public sealed record StopListCommand : ChatCommand;

/// <summary><c>stop</c>: anyone may propose or list; deciding is leadership's.</summary>
internal static class StopVerb
{
    /// <summary>The form that asks for it, on every platform (<see cref="FormCatalog"/>).</summary>
    public static FormSpec Form { get; } = new("stop", "Stop doing", "Propose a stop",
    [
        new("title", "What should the company stop doing?", FieldKind.Text) { Placeholder = "Manager approval for small refunds" },
        new("why", "Why", FieldKind.LongText) { Required = false },
    ],
    v => new CommandLine("stop propose").Text(v["title"]).Option("why", v["why"]));

    public static Verb Verb { get; } = new("stop",
        "stop propose \"TITLE\" [owner:@name] [review:DATE] [why:\"REASON\"] [re:F-3]\nstop agree S-3 [review:DATE]\n"
        + "stop keep S-3 [review:DATE]\nstop reinstate S-3\nstop list",
        "stop propose \"Manager approval for refunds under $50\" owner:@ana review:in 2 months",
        "Propose, agree, keep or reinstate things to stop doing; bare `stop` lists them.",
        Parse,
        [
            CommandRoute.For<StopProposeCommand, StopProposeHandler>(Role.Frontline),
            CommandRoute.For<StopDecisionCommand, StopDecisionHandler>(Role.Executive),
            CommandRoute.For<StopListCommand, StopListHandler>(Role.Frontline),
        ]);

    static readonly string[] Actions = ["propose", "agree", "keep", "reinstate", "list"];

    static ChatCommand Parse(CommandInput input)
    {
        if (input.Words.Count == 0) return new StopListCommand();
        var action = input.Words[0];
        switch (action.IsPlain ? action.Lower : "")
        {
            case "list":
                input.ExpectNothingAfter(1, "stop list");
                return new StopListCommand();
            case "propose":
                var args = input.Read(1, "owner", "review", "why", "re");
                var title = args.FreeText("title", Limits.Title)
                    ?? throw new ParseFailure("What should we stop doing? Put it in quotes: stop propose \"Manager approval for small refunds\"");
                return new StopProposeCommand(title, args.Member("owner"), args.FutureDate("review", "review date"), args.Text("why", Limits.Note),
                    Pattern(args.Reference("re")));
            case "agree":
                return Decision(input, StopAction.Agree, "stop agree");
            case "keep":
                return Decision(input, StopAction.Keep, "stop keep");
            case "reinstate":
                var id = RefWords.Expect(input.Words.ElementAtOrDefault(1), Refs.Stop, "stop reinstate");
                input.ExpectNothingAfter(2, "stop reinstate S-3");
                return new StopDecisionCommand(id, StopAction.Reinstate, null);
            default:
                throw new ParseFailure($"I don't know 'stop {DidYouMean.Echo(action.Text)}'; use propose, agree, keep, reinstate or list."
                    + DidYouMean.Hint(action.Text, Actions, "", allowPrefix: true));
        }
    }

    /// <summary>A stop answers a frontline pattern (F-3); other records are cited with decide's re:.</summary>
    static int? Pattern(string? reference) =>
        reference is null ? null
        : Refs.TryParse(reference, Refs.Pattern, out var id) ? id
        : throw new ParseFailure("stop propose re: takes the frontline pattern it answers, like re:F-3; "
            + $"{reference} is {RefWords.Article(reference[0])} {RefWords.Name(reference[0])}.");

    static StopDecisionCommand Decision(CommandInput input, StopAction action, string form)
    {
        var args = input.Read(1, "review");
        var id = RefWords.Expect(args.Rest.ElementAtOrDefault(0), Refs.Stop, form);
        if (args.Rest.Count > 1)
            throw new ParseFailure($"`{form} S-{id}` takes only review:DATE after it; I didn't expect '{DidYouMean.Echo(args.Rest[1].Text)}'.");
        return new StopDecisionCommand(id, action, args.FutureDate("review", "review date"));
    }
}
