using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Commitments;

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

        commitment.Status = command.Status;
        if (command.NewDue is { } due) commitment.DueOn = due;
        commitment.ClosedAt = commitment.IsOpen ? null : ctx.UtcNow;
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
