using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>
/// A commitment overdue by more than Bot:EscalateAfterDays is raised in the leadership channel naming its owner —
/// once, then again only after a week. Not while its owner is away: the review shows it as "owner away" instead.
/// </summary>
public sealed class EscalationPosts(AppDbContext db, Audience audience, Outbox outbox, TimeProvider clock, BotSettings settings)
{
    public const string Kind = CadenceKinds.Escalation;
    static readonly TimeSpan RaiseAgainAfter = TimeSpan.FromDays(7);

    public async Task<int> RunAsync(CancellationToken ct) => await outbox.PostAllAsync(await PlanAsync(ct), ct);

    public async Task<IReadOnlyList<PlannedPost>> PlanAsync(CancellationToken ct)
    {
        var teamZone = await TeamZone.FindAsync(db, settings, ct);
        var today = clock.Today(teamZone);
        var away = await Availability.AwayAtAsync(db, clock.UtcNow(), teamZone, ct);
        var cutoff = today.AddDays(-settings.EscalateAfterDays);
        var overdue = await db.Commitments.Include(c => c.Owner).Include(c => c.Stage)
            .Where(c => (c.Status == CommitmentStatus.OnTrack || c.Status == CommitmentStatus.AtRisk || c.Status == CommitmentStatus.Blocked)
                && c.DueOn < cutoff)
            .OrderBy(c => c.DueOn).ToListAsync(ct);
        var recent = clock.UtcNow() - RaiseAgainAfter;
        var raisedLately = (await db.OutboundMessages.AsNoTracking()
                .Where(o => o.Kind == Kind && o.CreatedAt > recent).Select(o => o.IdempotencyKey!).ToListAsync(ct))
            .Select(key => key.Split(':')[1]).ToHashSet();
        var channels = await audience.ChannelsAsync(ChannelPurpose.Leadership, ct);
        return overdue.Where(c => !raisedLately.Contains(c.Id.ToString()) && !away.ContainsKey(c.OwnerId))
            .SelectMany(c => channels.Select(to => new PlannedPost(
                new OutboxPost(to, $"{Kind}:{c.Id}:{today:yyyy-MM-dd}:{to.Platform}:{to.ConversationId}", Kind, clock.UtcNow() + TimeSpan.FromDays(1)),
                _ => Task.FromResult(Compose(c, today))))).ToList();
    }

    static ChatMessage Compose(Commitment c, DateOnly today)
    {
        var reference = Refs.Of(Refs.Commitment, c.Id);
        return new ChatMessage([
            new TextBlock(RichText.Of(
                new TextSpan($"🔺 {reference} is {Format.Count(c.DaysOverdue(today), "day")} overdue: ", Bold: true),
                new TextSpan(c.Title))),
            new ContextBlock(RichText.Of(new TextSpan("Owner "), MentionSpan.Of(c.Owner), new TextSpan(" · was due "), new DateSpan(c.DueOn),
                new TextSpan($" · {Format.Status(c.Status)}{(c.Stage is null ? "" : " · " + c.Stage.Name)}"))),
            new ActionsBlock([
                new ActionButton("New due date", $"update {reference} {StatusWord(c.Status)} due:{ActionButton.AnswerSlot}",
                    AskFor: $"When will {reference} be done? (e.g. friday, in 2 weeks, 2026-12-15)"),
                new ActionButton("Done", $"done {reference}", ButtonStyle.Primary),
                new ActionButton("Drop it", $"update {reference} dropped", ButtonStyle.Danger),
            ]),
        ]);
    }

    /// <summary>The status as the command grammar spells it.</summary>
    public static string StatusWord(CommitmentStatus s) => Format.Status(s).Replace(' ', '-');
}
