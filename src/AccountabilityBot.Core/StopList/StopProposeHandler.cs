using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Patterns;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.StopList;

/// <summary>Anyone may propose a stop: the frontline often sees first what should not be done any more.</summary>
public sealed class StopProposeHandler(AppDbContext db, MemberDirectory members, Records records, PatternStops patterns)
    : ICommandHandler<StopProposeCommand>
{
    public async Task<ChatMessage> HandleAsync(StopProposeCommand command, CommandContext ctx, CancellationToken ct)
    {
        var owner = command.Owner is null ? null : await members.ResolveAsync(command.Owner, ctx, ct);
        var pattern = command.PatternId is { } id ? await patterns.AnswerAsync(id, ctx, ct) : null;
        var item = new StopItem
        {
            Title = command.Title,
            Rationale = command.Rationale ?? pattern?.Why,
            PatternId = pattern?.Pattern.Id,
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
                ("why", Replies.Text(item.Rationale)),
                ("from pattern", Replies.Text(pattern is null ? null : Refs.Of(Refs.Pattern, pattern.Pattern.Id)))),
            new ActionButton("Agree to stop", $"stop agree {reference}", ButtonStyle.Primary));
    }
}
