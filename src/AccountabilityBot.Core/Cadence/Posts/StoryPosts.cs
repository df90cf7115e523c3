using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>Each new lost-customer story, posted once to leadership with the actions to take on it.</summary>
public sealed class StoryPosts(AppDbContext db, Audience audience, Outbox outbox, TimeProvider clock, BotSettings settings)
{
    /// <summary>Only stories recorded recently are "new": a first run after a long pause does not flood old ones.</summary>
    public static readonly TimeSpan NewFor = TimeSpan.FromDays(14);

    public async Task<int> RunAsync(CancellationToken ct) => await outbox.PostAllAsync(await PlanAsync(ct), ct);

    public async Task<IReadOnlyList<PlannedPost>> PlanAsync(CancellationToken ct)
    {
        var since = clock.UtcNow() - NewFor;
        var stories = await db.LostStories.Include(s => s.Event).ThenInclude(e => e.Customer).ThenInclude(c => c.Group)
            .Where(s => s.PostedAt == null && s.CreatedAt >= since).OrderBy(s => s.Id).ToListAsync(ct);
        var channels = await audience.ChannelsAsync(ChannelPurpose.Leadership, ct);
        return stories.SelectMany(story => channels.Select(to => new PlannedPost(
            new OutboxPost(to, $"story:{story.Id}:{to.Platform}:{to.ConversationId}", CadenceKinds.Stories, clock.UtcNow() + TimeSpan.FromDays(2)),
            _ => Task.FromResult(Compose(story))))).ToList();
    }

    ChatMessage Compose(LostStory story)
    {
        story.PostedAt ??= clock.UtcNow();
        return new ChatMessage([
            new HeaderBlock($"A customer left: {story.Event.Customer.Name}"),
            .. ReviewComposer.StoryDetails(StoryView.Of(story), settings.CurrencySymbol),
        ]);
    }
}
