using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.StopList;

/// <summary>Anyone may propose a stop: the frontline often sees first what should not be done any more.</summary>
public sealed class StopProposeHandler(AppDbContext db, MemberDirectory members, Records records) : ICommandHandler<StopProposeCommand>
{
    public async Task<ChatMessage> HandleAsync(StopProposeCommand command, CommandContext ctx, CancellationToken ct)
    {
        var owner = command.Owner is null ? null : await members.ResolveAsync(command.Owner, ctx, ct);
        var item = new StopItem
        {
            Title = command.Title,
            Rationale = command.Rationale,
            OwnerId = owner?.Id,
            Status = StopItemStatus.Proposed,
            ReviewOn = command.ReviewOn,
            ProposedById = ctx.Speaker.Id,
            ProposedAt = ctx.UtcNow,
        };
        db.StopItems.Add(item);
        var reference = await records.SaveWithAuditAsync(ctx, Refs.Stop, () => item.Id, "stop.proposed", command.Title, ct);
        return Replies.Recorded("Proposed stop", reference, command.Title, Replies.Details(
                ("owner", Replies.Mention(owner)),
                ("review", Replies.Date(command.ReviewOn)),
                ("why", Replies.Text(command.Rationale))),
            new ActionButton("Agree to stop", $"stop agree {reference}", ButtonStyle.Primary));
    }
}
