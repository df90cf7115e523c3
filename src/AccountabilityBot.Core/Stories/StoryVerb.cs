using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Stories;

/// <summary>
/// <c>story</c> shows the story of the week; <c>story L-5</c> shows one; <c>story L-5 "TEXT"</c> edits it;
/// <c>story "CUSTOMER" "TEXT"</c> tells the story of that customer's latest loss; <c>story pick L-5</c> picks it for the next review.
/// </summary>
public sealed record StoryCommand(int? StoryId, string? Customer, string? Narrative, bool Pick) : ChatCommand;

internal static class StoryVerb
{
    /// <summary>The form that asks for it, on every platform (<see cref="FormCatalog"/>).</summary>
    public static FormSpec Form { get; } = new("story", "A lost customer's story", "Tell a lost customer's story",
    [
        new("customer", "Which customer left?", FieldKind.Text) { Placeholder = "ACME Dental" },
        new("text", "What happened to them?", FieldKind.LongText) { Placeholder = "Three missed deliveries in October, and nobody called." },
    ],
    v => new CommandLine("story").Text(v["customer"]).Text(v["text"]));

    public static Verb Verb { get; } = new("story", "story\nstory L-5\nstory L-5 \"TEXT\"\nstory \"CUSTOMER\" \"TEXT\"\nstory pick L-5",
        "story \"ACME Dental\" \"Three missed deliveries in October, and nobody called them.\"",
        "Show, tell or pick the story of a lost customer.",
        Parse, [CommandRoute.For<StoryCommand, StoryHandler>(RequiredRole)]);

    // Anyone may tell a lost customer's story (account owners are often frontline); editing a told one is leadership's.
    static Role RequiredRole(StoryCommand command) => command switch
    {
        { Pick: true } => Role.Cco,
        { StoryId: not null, Narrative: not null } => Role.Executive,
        _ => Role.Frontline,
    };

    static StoryCommand Parse(CommandInput input)
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
