using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.StopList;

public sealed class StopListHandler(AppDbContext db) : ICommandHandler<StopListCommand>
{
    const int MaxListed = 15;

    public async Task<ChatMessage> HandleAsync(StopListCommand command, CommandContext ctx, CancellationToken ct)
    {
        var items = await db.StopItems.Include(s => s.Owner)
            .Where(s => s.Status != StopItemStatus.Reinstated).OrderBy(s => s.Id).ToListAsync(ct);
        var blocks = new List<MessageBlock> { new HeaderBlock("The stop list") };
        if (items.Count == 0)
        {
            blocks.Add(new TextBlock("Nothing on the stop list yet. Propose one with `stop propose \"what to stop\" review:2027-03-01`."));
            return new ChatMessage(blocks);
        }
        AddSection(blocks, "Due for review", items.Where(s => s.IsDueForReview(ctx.Today)), ctx.Today);
        AddSection(blocks, "Proposed", items.Where(s => s.Status == StopItemStatus.Proposed), ctx.Today);
        AddSection(blocks, "Stopped", items.Where(s => s.Status != StopItemStatus.Proposed && !s.IsDueForReview(ctx.Today)), ctx.Today);
        return new ChatMessage(blocks);
    }

    /// <summary>Each item on its own line, followed by the buttons that move it on (agree, or keep/reinstate when due).</summary>
    static void AddSection(List<MessageBlock> blocks, string title, IEnumerable<StopItem> items, DateOnly today)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        blocks.Add(new TextBlock(RichText.Bold($"{title} ({list.Count})")));
        foreach (var item in list.Take(MaxListed))
        {
            blocks.Add(new TextBlock(Line(item)));
            var reference = Refs.Of(Refs.Stop, item.Id);
            if (item.Status == StopItemStatus.Proposed)
                blocks.Add(new ActionsBlock([new ActionButton($"Agree to stop {reference}", $"stop agree {reference}", ButtonStyle.Primary)]));
            else if (item.IsDueForReview(today))
                blocks.Add(new ActionsBlock([
                    new ActionButton($"Keep {reference} stopped", $"stop keep {reference}", ButtonStyle.Primary),
                    new ActionButton($"Reinstate {reference}", $"stop reinstate {reference}"),
                ]));
        }
        if (list.Count > MaxListed) blocks.Add(new ContextBlock($"…and {list.Count - MaxListed} more."));
    }

    static RichText Line(StopItem s)
    {
        var spans = new List<Span> { new TextSpan(Refs.Of(Refs.Stop, s.Id), Bold: true), new TextSpan(" " + s.Title) };
        if (s.Owner is not null) { spans.Add(new TextSpan(" · owner ")); spans.Add(MentionSpan.Of(s.Owner)); }
        if (s.ReviewOn is { } on) { spans.Add(new TextSpan(" · review ")); spans.Add(new DateSpan(on)); }
        return new RichText(spans);
    }
}
