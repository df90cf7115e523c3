using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Messaging;

/// <summary>
/// A DM's member is asked again when it is about to be sent, not only when it was composed: it may have been queued before
/// they set quiet hours, went away or moved zone, or come due again after a failed send, a 429's Retry-After or a lease
/// that ran out. Only DMs to a member with quiet hours or days away are looked at, so channel posts cost nothing more.
/// </summary>
public sealed partial class Outbox
{
    /// <summary>The member a DM is for, and the team's zone (theirs when they have none).</summary>
    sealed record Recipient(Member Member, TimeZoneInfo TeamZone);

    /// <summary>Nudges and prompts: they ask something of the member, so none is sent while they are away.</summary>
    static readonly HashSet<string> Asking = [NudgePosts.Kind, PromptPosts.Kind, PromptPosts.ReminderKind, StoryPrompts.Kind];

    /// <returns>By row id, the member of each DM whose member has quiet hours or days away; an answer to their own command
    /// (<see cref="OutboxPost.ReplyKind"/>) is never among them.</returns>
    async Task<Dictionary<long, Recipient>> RecipientsAsync(IEnumerable<OutboundMessage> rows, CancellationToken ct)
    {
        var dms = rows.Where(r => r.Kind != OutboxPost.ReplyKind)
            .Select(r => (r.Id, r.Platform, Person: new ChatAddress(r.Platform, r.ConversationId).PersonId)).Where(d => d.Person is not null).ToList();
        if (dms.Count == 0) return [];
        var people = dms.Select(d => d.Person!).Distinct().ToList();
        var members = await db.Members.AsNoTracking()
            .Where(m => people.Contains(m.PlatformUserId) && (m.QuietFrom != null || m.AwayFrom != null)).ToListAsync(ct);
        if (members.Count == 0) return [];
        var teamZone = await TeamZone.FindAsync(db, bot, ct);
        return dms.Select(d => (d.Id, Member: members.FirstOrDefault(m => m.Platform == d.Platform && m.PlatformUserId == d.Person)))
            .Where(d => d.Member is not null).ToDictionary(d => d.Id, d => new Recipient(d.Member!, teamZone));
    }

    /// <returns>Held until the member may be reached, dropped, or null: send it now.</returns>
    SendResult? Unreachable(OutboundMessage row, Recipient to)
    {
        var (member, teamZone) = to;
        var now = clock.UtcNow();
        if (Asking.Contains(row.Kind) && member.IsAwayAt(now, teamZone))
        {
            // A nudge or a weekly question is about its moment ("due today", "this week"): sent on the day they are back it
            // would be stale news in a pile of others, and the first morning back brings a fresh one if it is still due, as the
            // planner would not have sent it while they were away. One without a moment (a lost customer's story to tell) waits.
            if (row.NotAfter is not null)
            {
                log.LogInformation("Dropped {Kind} post {Id}: {Member} is away", row.Kind, row.Id, member.Id);
                return new(DeliveryOutcome.Dropped, r => { r.DroppedAt = now; r.Error = "dropped: its member was away when it came due"; });
            }
            return HeldFor(row, Availability.QuietUntil(member, Availability.BackOrNextDay(member, now, teamZone), teamZone), null, "away");
        }
        var (at, notAfter) = Availability.QuietHold(member, now, row.NotAfter, teamZone);
        return at > now ? HeldFor(row, at, notAfter, "quiet hours") : null;
    }

    /// <summary>Not an attempt: it is simply not due until <paramref name="until"/>, when delivery looks at it again.</summary>
    SendResult HeldFor(OutboundMessage row, DateTime until, DateTime? notAfter, string why)
    {
        log.LogInformation("Holding {Kind} post {Id} until {Until:u}: its member's {Why}", row.Kind, row.Id, until, why);
        return new(DeliveryOutcome.Held, r => { r.NotBefore = until; r.NotAfter = notAfter; });
    }
}
