using AccountabilityBot.Core.Customers;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Stories;

namespace AccountabilityBot.Core.Commands;

// lost, won, renewed, referral and story.
public static partial class CommandParser
{
    // Every event verb knows every key, so "won ... story:..." gets a clear "only with lost" instead of
    // silently becoming part of the customer's name.
    static ChatCommand CustomerEvent(CommandInput input, CustomerEventKind kind)
    {
        var verb = input.Verb;
        var args = input.Read("value", "reason", "story", "group", "on", "by");
        var customer = args.FreeText("customer name", Limits.Title)
            ?? throw new ParseFailure($"Which customer? Put the name right after `{verb}`, like {verb} \"ACME Dental\" value:36000");
        var value = args.Amount("value");
        if (value is null && kind != CustomerEventKind.Referral)
            throw new ParseFailure($"How much is {DidYouMean.Echo(customer)} worth a year? Add value:36000 (36k and $36,000 work too).");
        if (kind != CustomerEventKind.Lost && args.Has("story"))
            throw new ParseFailure($"story: only goes with `lost`; for {verb} use reason:\"...\" instead.");
        if (kind != CustomerEventKind.Referral && args.Has("by"))
            throw new ParseFailure($"by: only goes with `referral`; {verb} doesn't take it.");
        return new CustomerEventCommand(kind, customer, value, args.Text("reason", Limits.Note), args.Text("story", Limits.Note),
            args.Text("group", Limits.Title), args.PastDate("on"), args.Text("by", Limits.Title));
    }

    static ChatCommand Story(CommandInput input)
    {
        var words = input.Words;
        if (words.Count == 0) return new StoryCommand(null, null, null, false);
        var first = words[0];
        if (first.IsPlain && first.Lower == "pick")
        {
            var picked = RefWords.Expect(words.ElementAtOrDefault(1), Refs.LostStory, "story pick");
            input.ExpectNothingAfter(2, "story pick L-5");
            return new StoryCommand(picked, null, null, true);
        }
        if (first.IsPlain && RefWords.TryRead(first.Text, out _, out _))
        {
            var id = RefWords.Expect(first, Refs.LostStory, "story");
            return new StoryCommand(id, null, Words.Join(words.Skip(1), "story", Limits.Note), false);
        }
        if (!first.Quoted)
            throw new ParseFailure("story takes a lost-story reference like L-5, or a customer name in quotes: story \"ACME Dental\" \"what happened\".");
        var customer = Words.Clean(first.Text, "customer name", Limits.Title);
        var narrative = Words.Join(words.Skip(1), "story", Limits.Note)
            ?? throw new ParseFailure($"What's the story? Add it after the name: story \"{customer}\" \"what happened\".");
        return new StoryCommand(null, customer, narrative, false);
    }
}
