using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Commitments;

/// <summary><c>commit TITLE owner:@x due:DATE [stage:NAME] [re:L-5]</c>; owner defaults to the speaker.</summary>
public sealed record CommitCommand(string Title, MemberRef? Owner, DateOnly Due, string? Stage, string? Regarding) : ChatCommand;

internal static class CommitVerb
{
    /// <summary>The form that asks for it, on every platform (<see cref="FormCatalog"/>).</summary>
    public static FormSpec Form { get; } = new("commit", "New commitment", "Make a commitment",
    [
        new("title", "What will you do?", FieldKind.Text) { Placeholder = "Fix the onboarding email sequence" },
        new("due", "Due", FieldKind.Date),
        new("owner", "Owner", FieldKind.Person) { Required = false, Hint = "You, if left empty." },
        new("stage", "Journey stage", FieldKind.Choice) { Required = false, Choices = ChoiceSource.JourneyStages },
    ],
    v => new CommandLine("commit").Text(v["title"]).Option("due", v["due"]).Option("owner", v["owner"]).Option("stage", v["stage"]));

    public static Verb Verb { get; } = new("commit", "commit TITLE due:DATE [owner:@name] [stage:NAME] [re:L-5]",
        "commit Fix the onboarding email sequence owner:@tom due:friday stage:Onboard",
        "Commit to an improvement by a date; the owner is you unless you name someone.",
        Parse, [CommandRoute.For<CommitCommand, CommitHandler>(Role.Executive)]);

    static CommitCommand Parse(CommandInput input)
    {
        var args = input.Read("owner", "due", "stage", "re");
        var title = args.FreeText("title", Limits.Title)
            ?? throw new ParseFailure("What are you committing to? Write it right after `commit`.");
        var due = args.FutureDate("due", "due date")
            ?? throw new ParseFailure("When is it due? Add due:friday or due:2026-12-15");
        return new CommitCommand(title, args.Member("owner"), due, args.Text("stage", Limits.Title), args.Reference("re"));
    }
}

public sealed class CommitHandler(AppDbContext db, MemberDirectory members, Records records) : ICommandHandler<CommitCommand>
{
    public async Task<ChatMessage> HandleAsync(CommitCommand command, CommandContext ctx, CancellationToken ct)
    {
        var owner = command.Owner is null ? ctx.Speaker : await members.ResolveAsync(command.Owner, ctx, ct);
        var stage = command.Stage is null ? null : await records.StageAsync(command.Stage, ct);
        var regarding = command.Regarding is null ? null : await records.ExistingReferenceAsync(command.Regarding, ct);
        var commitment = new Commitment
        {
            Title = command.Title,
            OwnerId = owner.Id,
            DueOn = command.Due,
            StageId = stage?.Id,
            Status = CommitmentStatus.OnTrack,
            PromptedBy = regarding,
            TouchpointId = regarding is not null && Refs.TryParse(regarding, Refs.Touchpoint, out var touchpoint) ? touchpoint : null,
            CreatedById = ctx.Speaker.Id,
            CreatedAt = ctx.UtcNow,
        };
        db.Commitments.Add(commitment);
        var reference = await records.SaveWithAuditAsync(ctx, Refs.Commitment, () => commitment.Id, "commitment.made", command.Title, ct);
        return Replies.Recorded("Recorded commitment", reference, command.Title, Replies.Details(
                ("owner", Replies.Mention(owner)),
                ("due", Replies.Date(command.Due)),
                ("stage", Replies.Text(stage?.Name)),
                ("prompted by", Replies.Text(regarding))),
            StatusButtons(reference));
    }

    public static ActionButton[] StatusButtons(string reference) =>
    [
        new("On track", $"update {reference} on-track"),
        new("At risk", $"update {reference} at-risk"),
        new("Blocked", $"update {reference} blocked", ButtonStyle.Danger),
        new("Done", $"done {reference}", ButtonStyle.Primary),
    ];
}
