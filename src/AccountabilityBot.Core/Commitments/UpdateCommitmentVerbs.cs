using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Commitments;

/// <summary><c>update C-7 at-risk "note" [due:DATE]</c>, <c>done C-7 ["note"]</c>, <c>update C-7 dropped</c>.</summary>
public sealed record UpdateCommitmentCommand(int CommitmentId, CommitmentStatus Status, string? Note, DateOnly? NewDue) : ChatCommand;

/// <summary><c>update</c> and its shorthand <c>done</c>: one command, one route, two verbs.</summary>
internal static class UpdateCommitmentVerbs
{
    // Anyone may try; the handler lets only the owner, executives and the CCO through.
    static readonly CommandRoute Route = CommandRoute.For<UpdateCommitmentCommand, UpdateCommitmentHandler>(Role.Frontline);

    public static Verb Update { get; } = new("update",
        "update C-7 STATUS [\"NOTE\"] [due:DATE]   (STATUS: on-track, at-risk, blocked, done, dropped)",
        "update C-7 at-risk \"vendor slipped a week\"",
        "Change a commitment's status, with a note and a new due date if needed.",
        ParseUpdate, [Route]);

    public static Verb Done { get; } = new("done", "done C-7 [\"NOTE\"]", "done C-7 \"shipped to every region\"", "Mark a commitment done.",
        ParseDone, [Route]);

    static readonly Dictionary<string, CommitmentStatus> Statuses = new()
    {
        ["on-track"] = CommitmentStatus.OnTrack, ["ontrack"] = CommitmentStatus.OnTrack, ["on_track"] = CommitmentStatus.OnTrack,
        ["at-risk"] = CommitmentStatus.AtRisk, ["atrisk"] = CommitmentStatus.AtRisk, ["at_risk"] = CommitmentStatus.AtRisk,
        ["blocked"] = CommitmentStatus.Blocked, ["done"] = CommitmentStatus.Done, ["dropped"] = CommitmentStatus.Dropped,
    };

    const string StatusList = "on-track, at-risk, blocked, done or dropped";

    static UpdateCommitmentCommand ParseUpdate(CommandInput input)
    {
        var args = input.Read("due");
        var rest = args.Rest;
        var id = RefWords.Expect(rest.ElementAtOrDefault(0), Refs.Commitment, "update");
        if (rest.ElementAtOrDefault(1) is not { Quoted: false } word)
            throw new ParseFailure($"What's the status of C-{id}? Use {StatusList}.");
        if (!Statuses.TryGetValue(word.Lower, out var status))
            throw new ParseFailure($"'{DidYouMean.Echo(word.Text)}' isn't a status; use {StatusList}."
                + DidYouMean.Hint(word.Text, Statuses.Keys, ""));
        var note = Words.Join(rest.Skip(2), "note", Limits.Note);
        return new UpdateCommitmentCommand(id, status, note, args.FutureDate("due", "due date"));
    }

    static UpdateCommitmentCommand ParseDone(CommandInput input)
    {
        var id = RefWords.Expect(input.Words.ElementAtOrDefault(0), Refs.Commitment, "done");
        return new UpdateCommitmentCommand(id, CommitmentStatus.Done, Words.Join(input.Words.Skip(1), "note", Limits.Note), null);
    }
}

/// <summary>Status changes and notes; the owner, executives and the CCO may make them.</summary>
public sealed class UpdateCommitmentHandler(AppDbContext db, Records records) : ICommandHandler<UpdateCommitmentCommand>
{
    public async Task<ChatMessage> HandleAsync(UpdateCommitmentCommand command, CommandContext ctx, CancellationToken ct)
    {
        var commitment = await records.CommitmentAsync(command.CommitmentId, ct);
        var reference = Refs.Of(Refs.Commitment, commitment.Id);
        if (commitment.OwnerId != ctx.Speaker.Id && ctx.Speaker.Role < Role.Executive)
            throw new CommandRejectedException(
                $"{reference} belongs to {commitment.Owner.DisplayName}; only they, executives or the CCO can update it.");
        if (!commitment.IsOpen && command.Status == commitment.Status && command.Note is null)
            return ChatMessage.Text($"{reference} is already {Format.Status(commitment.Status)}; nothing changed.");

        // A note added to a commitment already done (or dropped) keeps the instant it was closed: the scoreboard's on time or late.
        var closedAlready = !commitment.IsOpen && command.Status == commitment.Status;
        commitment.Status = command.Status;
        if (command.NewDue is { } due) commitment.MoveDueTo(due);
        commitment.ClosedAt = commitment.IsOpen ? null : closedAlready ? commitment.ClosedAt : ctx.UtcNow;
        db.CommitmentUpdates.Add(new CommitmentUpdate
        {
            CommitmentId = commitment.Id,
            Status = command.Status,
            NewDueOn = command.NewDue,
            Note = command.Note,
            ById = ctx.Speaker.Id,
            At = ctx.UtcNow,
        });
        db.Audit(ctx, "commitment.updated", reference, $"{Format.Status(command.Status)}{(command.Note is null ? "" : ": " + command.Note)}");
        await db.SaveChangesAsync(ct);

        var verb = command.Status == CommitmentStatus.Done ? "Marked done" : $"Marked {Format.Status(command.Status)}";
        return Replies.Recorded(verb, reference, commitment.Title, Replies.Details(
            ("owner", Replies.Mention(commitment.Owner)),
            ("due", Replies.Date(commitment.DueOn)),
            ("note", Replies.Text(command.Note))));
    }
}
