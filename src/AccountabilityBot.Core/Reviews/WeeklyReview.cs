using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Reviews;

/// <summary>The weekly customer review for "now", in the review's time zone: previewed on demand, or composed for posting.</summary>
public sealed class WeeklyReview(ReviewLoader loader, AppDbContext db, TimeProvider clock, BotSettings settings)
{
    /// <summary>What the review would say now. Changes nothing, so it can be asked for any number of times.</summary>
    public async Task<ChatMessage> PreviewAsync(CancellationToken ct) =>
        ReviewComposer.Compose(await LoadAsync(ct), settings);

    /// <summary>
    /// The review to post, marking its story told (and saving) so the next review tells another.
    /// Call it once per posting: a second call tells the next story.
    /// </summary>
    public async Task<ChatMessage> ComposeForPostingAsync(CancellationToken ct)
    {
        var snapshot = await LoadAsync(ct);
        if (snapshot.Story is { } told && await db.LostStories.FindAsync([told.Id], ct) is { } story)
        {
            story.ToldAt = clock.UtcNow();
            await db.SaveChangesAsync(ct);
        }
        return ReviewComposer.Compose(snapshot, settings);
    }

    async Task<ReviewSnapshot> LoadAsync(CancellationToken ct)
    {
        var zone = await TeamZone.FindAsync(db, settings, ct);
        var now = clock.UtcNow();
        var period = ReviewPeriod.EndingYesterday(clock.Today(zone), zone);
        // Both ends moved by a microsecond: an answer stamped the instant the previous review was composed was in it,
        // and one stamped the instant this one is composed belongs here. A microsecond, not a tick: PostgreSQL keeps
        // instants to the microsecond, so a tick added to a parameter is lost and the bound would not move at all.
        var previous = await PreviousReviewAtAsync(now, ct);
        return await loader.LoadAsync(period with
        {
            AnswersSinceUtc = previous?.AddMicroseconds(1) ?? period.WeekStartUtc,
            AnswersUntilUtc = now.AddMicroseconds(1),
            AtUtc = now,
        }, ct);
    }

    /// <summary>When the last review that was not dropped or given up on was composed (its posts are claimed as it is).</summary>
    async Task<DateTime?> PreviousReviewAtAsync(DateTime now, CancellationToken ct) =>
        await db.OutboundMessages
            .Where(o => o.Kind == CadenceKinds.Review && o.CreatedAt < now && o.DroppedAt == null && o.FailedAt == null)
            .MaxAsync(o => (DateTime?)o.CreatedAt, ct);
}
