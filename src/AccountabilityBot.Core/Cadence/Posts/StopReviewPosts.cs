using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>Stop-list items that reached their review date, posted once per review date with keep / reinstate.</summary>
public sealed class StopReviewPosts(AppDbContext db, Audience audience, Outbox outbox, TimeProvider clock, BotSettings settings)
{
    public async Task<int> RunAsync(CancellationToken ct) => await outbox.PostAllAsync(await PlanAsync(ct), ct);

    public async Task<IReadOnlyList<PlannedPost>> PlanAsync(CancellationToken ct)
    {
        var today = clock.Today(await TeamZone.FindAsync(db, settings, ct));
        var due = (await db.StopItems.Include(s => s.Owner)
                .Where(s => s.Status == StopItemStatus.Agreed && s.ReviewOn != null && s.ReviewOn <= today)
                .OrderBy(s => s.Id).ToListAsync(ct))
            .Where(s => s.IsDueForReview(today)).ToList();
        var channels = await audience.ChannelsAsync(ChannelPurpose.Leadership, ct);
        return due.SelectMany(item => channels.Select(to => new PlannedPost(
            new OutboxPost(to, $"stop-review:{item.Id}:{item.ReviewOn:yyyy-MM-dd}:{to.Platform}:{to.ConversationId}", CadenceKinds.Stops,
                clock.UtcNow() + TimeSpan.FromDays(1)),
            _ => Task.FromResult(Compose(item))))).ToList();
    }

    static ChatMessage Compose(StopItem item)
    {
        var reference = Refs.Of(Refs.Stop, item.Id);
        var spans = new List<Span> { new TextSpan($"{reference} ", Bold: true), new TextSpan(item.Title) };
        if (item.Owner is not null) { spans.Add(new TextSpan(" · owner ")); spans.Add(MentionSpan.Of(item.Owner)); }
        return new ChatMessage([
            new HeaderBlock("Stop-list review"),
            new TextBlock(new RichText(spans)),
            new ContextBlock(item.Rationale is null
                ? "We agreed to stop this. Keep it stopped, or bring it back?"
                : $"Why we stopped: {item.Rationale}. Keep it stopped, or bring it back?"),
            new ActionsBlock([
                new ActionButton("Keep it stopped", $"stop keep {reference}", ButtonStyle.Primary),
                new ActionButton("Reinstate", $"stop reinstate {reference}"),
            ]),
        ]);
    }
}
