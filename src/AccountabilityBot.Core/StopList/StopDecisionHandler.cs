using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.StopList;

/// <summary>proposed → agreed → (review date) → kept stopped / reinstated.</summary>
public sealed class StopDecisionHandler(AppDbContext db, Records records) : ICommandHandler<StopDecisionCommand>
{
    /// <summary>An agreed stop with no review date is reviewed after a quarter, so nothing is stopped forever by accident.</summary>
    const int DefaultReviewDays = 90;

    public async Task<ChatMessage> HandleAsync(StopDecisionCommand command, CommandContext ctx, CancellationToken ct)
    {
        var item = await records.StopItemAsync(command.StopItemId, ct);
        var reference = Refs.Of(Refs.Stop, item.Id);
        var (next, verb) = command.Action switch
        {
            StopAction.Agree => (StopItemStatus.Agreed, "Agreed to stop"),
            StopAction.Keep => (StopItemStatus.KeptStopped, "Keeping stopped"),
            _ => (StopItemStatus.Reinstated, "Reinstated"),
        };
        if (item.Status == next && command.ReviewOn is null)
            return ChatMessage.Text($"{reference} is already {Describe(next)}; nothing changed.");
        if (command.Action == StopAction.Agree && item.Status != StopItemStatus.Proposed)
            throw new CommandRejectedException(
                $"{reference} is {Describe(item.Status)}, not proposed; use `stop keep {reference}` or `stop reinstate {reference}`.");
        if (command.Action == StopAction.Keep && command.ReviewOn is not null && command.ReviewOn <= ctx.Today)
            throw new CommandRejectedException("The next review date must be after today.");
        if (command.Action != StopAction.Agree && item.Status == StopItemStatus.Proposed)
            throw new CommandRejectedException($"{reference} is only proposed so far; agree to it first with `stop agree {reference}`.");

        // Keeping it with a next review date leaves it agreed (stopped), to be reviewed again then.
        if (command.Action == StopAction.Keep && command.ReviewOn is not null) next = StopItemStatus.Agreed;
        item.Status = next;
        switch (command.Action)
        {
            case StopAction.Agree:
                item.AgreedAt = ctx.UtcNow;
                item.ReviewOn = command.ReviewOn ?? item.ReviewOn ?? ctx.Today.AddDays(DefaultReviewDays);
                break;
            case StopAction.Keep:
                item.ReviewedAt = ctx.UtcNow;
                item.ReviewedById = ctx.Speaker.Id;
                item.ReviewOn = command.ReviewOn;
                break;
            default:
                item.ReviewedAt = ctx.UtcNow;
                item.ReviewedById = ctx.Speaker.Id;
                item.ReviewOn = null;
                break;
        }
        db.Audit(ctx, $"stop.{command.Action.ToString().ToLowerInvariant()}", reference, item.Title);
        await db.SaveChangesAsync(ct);
        return Replies.Recorded(verb, reference, item.Title, Replies.Details(
            ("by", Replies.Mention(ctx.Speaker)),
            ("owner", Replies.Mention(item.Owner)),
            ("next review", Replies.Date(item.ReviewOn))));
    }

    public static string Describe(StopItemStatus status) => status switch
    {
        StopItemStatus.Agreed => "agreed (stopped)",
        StopItemStatus.KeptStopped => "kept stopped",
        StopItemStatus.Reinstated => "reinstated",
        _ => "proposed",
    };
}
