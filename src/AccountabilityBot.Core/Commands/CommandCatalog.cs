namespace AccountabilityBot.Core.Commands;

/// <summary>How to use one verb: its form(s) one per line, one example that parses, and what it is for.</summary>
public sealed record VerbHelp(string Verb, string Usage, string Example, string Description);

/// <summary>
/// Every verb's help, in the order <c>help</c> lists them (the order of <see cref="Verbs.All"/>). Parse errors quote
/// the same usage, so help and errors can't drift apart; a test parses every example.
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<VerbHelp> All { get; } = Verbs.All.Select(v => v.Help).ToList();

    public static VerbHelp? Find(string verb) => Verbs.Find(verb)?.Help;

    /// <summary>The usage plus the example, as shown under an error.</summary>
    internal static string? UsageFor(string verb) =>
        Find(verb) is { } help ? $"{help.Usage}\nExample: {help.Example}" : null;
}
