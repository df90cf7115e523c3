using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Decisions;

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
