using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Stories;
using AccountabilityBot.Core.Touchpoints;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Reviews;

/// <summary>
/// Reads what one review shows. Every query is bounded by the period's dates or by open status, in SQL;
/// the customer numbers are aggregated by the database (<see cref="CustomerTotalsQuery"/>), so a review of a
/// million-event history reads a few dozen grouped rows.
/// </summary>
public sealed class ReviewLoader(AppDbContext db)
{
    static readonly CommitmentStatus[] OpenStatuses = Commitment.OpenStatuses;

    public async Task<ReviewSnapshot> LoadAsync(ReviewPeriod period, CancellationToken ct)
    {
        var totals = new CustomerTotalsQuery(db);
        var week = await totals.RunAsync(new DateRange(period.WeekFrom, period.WeekTo), ct);
        var quarter = await totals.RunAsync(new DateRange(period.QuarterFrom, period.WeekTo), ct, groups: false); // the review shows groups for the week only
        var story = await StorySelector.StoryOfTheWeekAsync(db, period.WeekFrom, period.WeekTo, ct);
        var stops = await db.StopItems.AsNoTracking().Include(s => s.Owner)
            .Where(s => s.Status == StopItemStatus.Proposed
                || (s.Status == StopItemStatus.Agreed && s.ReviewOn != null && s.ReviewOn <= period.Today))
            .OrderBy(s => s.ReviewOn).ThenBy(s => s.Id)
            .ToListAsync(ct);
        var frontline = await new FrontlineTally(db).RunAsync(period.WeekStartUtc, period.WeekEndUtc, ct);

        return new ReviewSnapshot(
            period,
            week.Totals,
            quarter.Totals,
            story is null ? null : StoryView.Of(story),
            [.. stops.Where(s => s.Status == StopItemStatus.Agreed).Select(View)],
            [.. stops.Where(s => s.Status == StopItemStatus.Proposed).Select(View)],
            await OverdueAsync(period, ct),
            await DecisionsAsync(period, ct),
            frontline.Stages,
            frontline.Contributors,
            await AnswersAsync(period, ct),
            await new CustomerTrendQuery(db).RunAsync(period.WeekTo, ct))
        {
            Reliability = await TouchpointWatch.ViewsAsync(db, period.Today, ct),
            FollowThrough = await TeamSettings.IsOnAsync(db, TeamSettings.ScoreboardShared, ct)
                ? await new FollowThroughQuery(db).RunAsync(new DateRange(period.QuarterFrom, period.WeekTo), period.Today, period.Zone, null, ct)
                : null,
        };
    }

    async Task<List<OverdueView>> OverdueAsync(ReviewPeriod period, CancellationToken ct)
    {
        var away = await Availability.AwayAtAsync(db, period.AtUtc ?? period.WeekEndUtc, period.Zone, ct);
        var rows = await db.Commitments.AsNoTracking()
            .Where(c => EF.Constant(OpenStatuses).Contains(c.Status) && c.DueOn < period.Today)
            .OrderBy(c => c.DueOn).ThenBy(c => c.Id)
            .Select(c => new { c.OwnerId, View = new OverdueView(c.Id, c.Title, new Person(c.Owner.Platform, c.Owner.PlatformUserId, c.Owner.DisplayName),
                c.DueOn, c.Stage == null ? null : c.Stage.Name, c.Status) })
            .ToListAsync(ct);
        return [.. rows.Select(r => away.TryGetValue(r.OwnerId, out var back) ? r.View with { OwnerAway = true, OwnerBackOn = back } : r.View)];
    }

    async Task<List<DecisionView>> DecisionsAsync(ReviewPeriod period, CancellationToken ct)
    {
        var rows = await db.Decisions.AsNoTracking().Include(d => d.DecidedBy).Include(d => d.Owner)
            .Where(d => d.DecidedAt >= period.WeekStartUtc && d.DecidedAt < period.WeekEndUtc)
            .OrderBy(d => d.DecidedAt).ThenBy(d => d.Id)
            .ToListAsync(ct);
        return [.. rows.Select(d => new DecisionView(d.Id, d.Text, Person.Of(d.DecidedBy), d.Owner is null ? null : Person.Of(d.Owner), d.PromptedBy))];
    }

    async Task<List<AnswerView>> AnswersAsync(ReviewPeriod period, CancellationToken ct)
    {
        var since = period.AnswersSinceUtc ?? period.WeekStartUtc;
        var until = period.AnswersUntilUtc ?? period.WeekEndUtc;
        var rows = await db.Prompts.AsNoTracking().Include(p => p.Member)
            .Where(p => p.Answer != null && p.AnsweredAt >= since && p.AnsweredAt < until)
            .OrderBy(p => p.AnsweredAt).ThenBy(p => p.Id)
            .ToListAsync(ct);
        return [.. rows.Select(p => new AnswerView(Person.Of(p.Member), p.Question, p.Answer!, p.AnsweredAt!.Value))];
    }

    static StopView View(StopItem s) => new(s.Id, s.Title, s.Owner is null ? null : Person.Of(s.Owner), s.ReviewOn);
}
