using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Commands;

/// <summary><c>help</c> or <c>help commit</c>.</summary>
public sealed record HelpCommand(string? Verb) : ChatCommand;

internal static class HelpVerb
{
    public static Verb Verb { get; } = new("help", "help [COMMAND]", "help commit", "List the commands, or explain one.",
        Parse, [CommandRoute.For<HelpCommand, HelpHandler>(Role.Frontline)]);

    // Only the first word counts, so "help stop propose" shows the stop help.
    static HelpCommand Parse(CommandInput input)
    {
        if (input.Words.Count == 0) return new HelpCommand(null);
        var word = input.Words[0].Text;
        if (CommandCatalog.Find(word) is { } help) return new HelpCommand(help.Verb);
        throw new ParseFailure($"I don't know the command '{DidYouMean.Echo(word)}'."
            + DidYouMean.Hint(word, Verbs.Names, "Send `help` to see them all.", allowPrefix: true));
    }
}

public sealed class HelpHandler : ICommandHandler<HelpCommand>
{
    public Task<ChatMessage> HandleAsync(HelpCommand command, CommandContext ctx, CancellationToken ct)
    {
        if (command.Verb is { } verb)
        {
            // The parser checks the verb; a command made another way is refused like any other mistake.
            var help = CommandCatalog.Find(verb) ?? throw new CommandRejectedException($"There is no command called '{verb}'.", "help");
            return Task.FromResult(new ChatMessage([
                new HeaderBlock(help.Verb),
                new TextBlock(help.Description),
                new FieldsBlock([new Field("Form", help.Usage), new Field("Example", help.Example)]),
            ]));
        }
        return Task.FromResult(new ChatMessage([
            new HeaderBlock("What I can do"),
            new ListBlock(CommandCatalog.All.Select(h => RichText.Of(new TextSpan(h.Verb, Bold: true), new TextSpan(" — " + h.Description))).ToList()),
            new ContextBlock($"You are {Replies.RoleName(ctx.Speaker.Role)}. `help VERB` shows the form and an example, e.g. `help commit`."),
        ]));
    }
}
