using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Decisions;

/// <summary><c>decide TEXT [owner:@x] [due:DATE] [re:L-5]</c></summary>
public sealed record DecideCommand(string Text, MemberRef? Owner, DateOnly? Due, string? Regarding) : ChatCommand;

internal static class DecideVerb
{
    /// <summary>The form that asks for it, on every platform (<see cref="FormCatalog"/>).</summary>
    public static FormSpec Form { get; } = new("decide", "New decision", "Record a decision",
    [
        new("text", "What did leadership decide?", FieldKind.LongText)
            { MaxLength = Limits.Title, Placeholder = "Waive the fee for outage customers" },
        new("owner", "Owner", FieldKind.Person) { Required = false },
        new("due", "Done by", FieldKind.Date) { Required = false },
        new("re", "Prompted by", FieldKind.Text) { Required = false, MaxLength = 20, Placeholder = "L-5", Hint = "A reference such as L-5, S-3 or C-9." },
    ],
    v => new CommandLine("decide").Text(v["text"]).Option("owner", v["owner"]).Option("due", v["due"]).Option("re", v["re"]));

    public static Verb Verb { get; } = new("decide", "decide TEXT [owner:@name] [due:DATE] [re:L-5]",
        "decide Waive the fee for outage customers owner:@maria due:friday re:L-5",
        "Record a leadership decision, with an owner and a date if it has them.",
        Parse, [CommandRoute.For<DecideCommand, DecideHandler>(Role.Executive)]);

    static DecideCommand Parse(CommandInput input)
    {
        var args = input.Read("owner", "due", "re");
        var text = args.FreeText("decision", Limits.Title)
            ?? throw new ParseFailure("What did you decide? Write it right after `decide`.");
        return new DecideCommand(text, args.Member("owner"), args.FutureDate("due", "due date"), args.Reference("re"));
    }
}

public sealed class DecideHandler(AppDbContext db, MemberDirectory members, Records records) : ICommandHandler<DecideCommand>
{
    public async Task<ChatMessage> HandleAsync(DecideCommand command, CommandContext ctx, CancellationToken ct)
    {
        var owner = command.Owner is null ? null : await members.ResolveAsync(command.Owner, ctx, ct);
        var regarding = command.Regarding is null ? null : await records.ExistingReferenceAsync(command.Regarding, ct);
        var decision = new Decision
        {
            Text = command.Text,
            DecidedById = ctx.Speaker.Id,
            OwnerId = owner?.Id,
            DueOn = command.Due,
            PromptedBy = regarding,
            DecidedAt = ctx.UtcNow,
        };
        db.Decisions.Add(decision);
        var reference = await records.SaveWithAuditAsync(ctx, Refs.Decision, () => decision.Id, "decision.recorded", command.Text, ct);
        return Replies.Recorded("Recorded decision", reference, command.Text, Replies.Details(
            ("decided by", Replies.Mention(ctx.Speaker)),
            ("owner", Replies.Mention(owner)),
            ("due", Replies.Date(command.Due)),
            ("prompted by", Replies.Text(regarding))));
    }
}
