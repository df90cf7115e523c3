using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Jobs;

/// <summary>
/// Posts the weekly customer review to every leadership channel. Keyed by the review's day, so a Hangfire retry or a
/// restart on the same day never posts it twice, and the review is composed once for all channels.
/// </summary>
public sealed class WeeklyReviewJob(AppDbContext db, WeeklyReview review, Outbox outbox, TimeProvider clock, BotSettings settings, ILogger<WeeklyReviewJob> log)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var channels = await db.ChannelBindings.Where(b => b.Purpose == ChannelPurpose.Leadership).ToListAsync(ct);
        if (channels.Count == 0)
        {
            log.LogWarning("No leadership channel is bound; the weekly review was not posted. In that channel, the CCO says `channel leadership`.");
            return 0;
        }
        var today = clock.Today(await TeamZone.FindAsync(db, settings, ct));
        ChatMessage? composed = null;
        var posted = 0;
        foreach (var channel in channels)
        {
            var key = $"review:{today:yyyy-MM-dd}:{channel.Platform}:{channel.ConversationId}";
            if (await outbox.PostOnceAsync(new ChatAddress(channel.Platform, channel.ConversationId), key,
                    async token => composed ??= await review.ComposeForPostingAsync(token), ct))
                posted++;
        }
        log.LogInformation("Weekly review posted to {Count} of {Total} leadership channels", posted, channels.Count);
        return posted;
    }
}
