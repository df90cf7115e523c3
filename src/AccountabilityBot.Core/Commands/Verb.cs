using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Commands;

/// <summary>
/// One chat verb, whole: its help entry (usage, an example that parses, what it is for), its grammar, and the routes
/// of the commands it can produce. Each feature declares its verbs beside their records; <see cref="Verbs"/> lists them.
/// </summary>
internal sealed record Verb(
    string Name, string Usage, string Example, string Description,
    Func<CommandInput, ChatCommand> Parse, IReadOnlyList<CommandRoute> Routes)
{
    public VerbHelp Help { get; } = new(Name, Usage, Example, Description);

    /// <summary>A verb that is one word and nothing after it (<c>touchpoints</c>, <c>patterns</c>): a list.</summary>
    public static Verb Bare(string name, string description, Func<ChatCommand> command, IReadOnlyList<CommandRoute> routes) =>
        new(name, name, name, description, input =>
        {
            input.ExpectNothingAfter(0, name);
            return command();
        }, routes);
}
