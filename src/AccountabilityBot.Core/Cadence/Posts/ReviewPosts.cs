using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>
/// The weekly customer review to every leadership channel, keyed by day and channel: a retry or a restart on the same
/// day never posts it twice, and it is composed once for all channels.
/// </summary>
public sealed class ReviewPosts(AppDbContext db, WeeklyReview review, Audience audience, Outbox outbox, TimeProvider clock, BotSettings settings,
    ILogger<ReviewPosts> log)
{
    /// <summary>A review that could not go out the same day is not worth posting late.</summary>
    static readonly TimeSpan FreshFor = TimeSpan.FromHours(12);

    public async Task<int> RunAsync(CancellationToken ct) => await outbox.PostAllAsync(await PlanAsync(ct), ct);

    public async Task<IReadOnlyList<PlannedPost>> PlanAsync(CancellationToken ct)
    {
        var channels = await audience.ChannelsAsync(ChannelPurpose.Leadership, ct);
        if (channels.Count == 0)
            log.LogWarning("No leadership channel is bound; the weekly review was not posted. In that channel, the CCO says `channel leadership`.");
        var today = clock.Today(await TeamZone.FindAsync(db, settings, ct));
        var notAfter = clock.UtcNow() + FreshFor;
        ChatMessage? composed = null;
        return channels.Select(to => new PlannedPost(
            new OutboxPost(to, $"review:{today:yyyy-MM-dd}:{to.Platform}:{to.ConversationId}", CadenceKinds.Review, notAfter),
            async t => composed ??= await review.ComposeForPostingAsync(t))).ToList();
    }
}
