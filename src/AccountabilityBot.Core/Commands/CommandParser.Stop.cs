using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Resolutions;
using AccountabilityBot.Core.StopList;

namespace AccountabilityBot.Core.Commands;

// stop (propose, agree, keep, reinstate, list) and resolved.
public static partial class CommandParser
{
    static readonly string[] StopActions = ["propose", "agree", "keep", "reinstate", "list"];

    static ChatCommand Stop(CommandInput input)
    {
        if (input.Words.Count == 0) return new StopListCommand();
        var action = input.Words[0];
        switch (action.IsPlain ? action.Lower : "")
        {
            case "list":
                input.ExpectNothingAfter(1, "stop list");
                return new StopListCommand();
            case "propose":
                var args = input.Read(1, "owner", "review", "why");
                var title = args.FreeText("title", Limits.Title)
                    ?? throw new ParseFailure("What should we stop doing? Put it in quotes: stop propose \"Manager approval for small refunds\"");
                return new StopProposeCommand(title, args.Member("owner"), args.FutureDate("review", "review date"), args.Text("why", Limits.Note));
            case "agree":
                return StopDecision(input, StopAction.Agree, "stop agree");
            case "keep":
                return StopDecision(input, StopAction.Keep, "stop keep");
            case "reinstate":
                var id = RefWords.Expect(input.Words.ElementAtOrDefault(1), Refs.Stop, "stop reinstate");
                input.ExpectNothingAfter(2, "stop reinstate S-3");
                return new StopDecisionCommand(id, StopAction.Reinstate, null);
            default:
                throw new ParseFailure($"I don't know 'stop {DidYouMean.Echo(action.Text)}'; use propose, agree, keep, reinstate or list."
                    + DidYouMean.Hint(action.Text, StopActions, "", allowPrefix: true));
        }
    }

    static StopDecisionCommand StopDecision(CommandInput input, StopAction action, string form)
    {
        var args = input.Read(1, "review");
        var id = RefWords.Expect(args.Rest.ElementAtOrDefault(0), Refs.Stop, form);
        if (args.Rest.Count > 1)
            throw new ParseFailure($"`{form} S-{id}` takes only review:DATE after it; I didn't expect '{DidYouMean.Echo(args.Rest[1].Text)}'.");
        return new StopDecisionCommand(id, action, args.FutureDate("review", "review date"));
    }

    static ChatCommand Resolved(CommandInput input)
    {
        var args = input.Read("customer", "stage", "cost");
        var what = args.FreeText("description", Limits.Title)
            ?? throw new ParseFailure("What was resolved? Put it in quotes: resolved \"Refunded shipping for a late delivery\"");
        return new ResolvedCommand(what, args.Text("customer", Limits.Title), args.Text("stage", Limits.Title), args.Amount("cost"));
    }
}
