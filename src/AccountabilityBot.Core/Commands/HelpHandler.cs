using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Commands;

public sealed class HelpHandler : ICommandHandler<HelpCommand>
{
    public Task<ChatMessage> HandleAsync(HelpCommand command, CommandContext ctx, CancellationToken ct)
    {
        if (command.Verb is { } verb)
        {
            var help = CommandCatalog.Find(verb);
            return Task.FromResult(help is null
                ? Replies.Problem($"There is no command called '{verb}'.", "help")
                : new ChatMessage([
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
