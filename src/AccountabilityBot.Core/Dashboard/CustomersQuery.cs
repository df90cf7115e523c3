using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Dashboard;

/// <summary>
/// The Customers page: the same sums as <c>jar</c> and <c>why lost</c> (<see cref="CustomerTotalsQuery"/>,
/// <see cref="CustomerTrendQuery"/>), the story the next review would tell (<see cref="StorySelector"/>), and one page of
/// the period's lost-customer stories.
/// </summary>
public sealed class CustomersQuery(AppDbContext db, CustomerTotalsQuery totals, CustomerTrendQuery trend, TimeProvider clock, BotSettings settings)
{
    public const int StoriesPerPage = 10;

    /// <summary>From this many days on, a range's lost stories are counted from the stories rather than its events.</summary>
    const int LongRangeDays = 100;

    public async Task<CustomersView> RunAsync(string? period, DateOnly? from, DateOnly? to, int storyPage, CancellationToken ct)
    {
        var (today, zone) = await TeamZone.TodayAsync(db, settings, clock, ct);
        var chosen = DashboardPeriod.Read(period, from, to, today, out var problem);
        var range = await totals.RunAsync(chosen.Range, ct);
        var weeks = await trend.RunAsync(chosen.Range.To, ct);
        var review = ReviewPeriod.EndingYesterday(today, zone);
        var story = await StorySelector.StoryOfTheWeekAsync(db, review.WeekFrom, review.WeekTo, ct);
        var pick = await StorySelector.PickedAsync(db, ct);
        return new CustomersView(chosen, problem, range.Totals, range.Revenue, weeks,
            story is null ? null : StoryView.Of(story), pick is null ? null : StoryView.Of(pick),
            await StoriesAsync(chosen.Range, storyPage, ct));
    }

    async Task<Paged<StoryRow>> StoriesAsync(DateRange range, int page, CancellationToken ct)
    {
        var (first, last) = (range.From, range.To);
        var stories = db.LostStories.AsNoTracking()
            .Where(s => s.Event.Kind == CustomerEventKind.Lost && s.Event.OccurredOn >= first && s.Event.OccurredOn <= last);
        // Up to a quarter, counted from the range's lost events (a week's are a few hundred); a longer range from the
        // stories, each looking up its event (EXISTS): a few thousand stories, where the range holds up to a quarter of
        // a million lost events.
        var total = range.To.DayNumber - range.From.DayNumber < LongRangeDays
            ? await stories.CountAsync(ct)
            : await db.LostStories.CountAsync(s => db.CustomerEvents.Any(e => e.Id == s.CustomerEventId
                && e.Kind == CustomerEventKind.Lost && e.OccurredOn >= first && e.OccurredOn <= last), ct);
        var rows = await stories
            .OrderByDescending(s => s.Event.OccurredOn).ThenByDescending(s => s.Id)
            .Skip(Paged<StoryRow>.Skip(page, StoriesPerPage)).Take(StoriesPerPage)
            .Select(s => new StoryRow(
                new StoryView(s.Id, s.Event.Customer.Name, s.Event.Customer.Group == null ? null : s.Event.Customer.Group.Name,
                    s.Event.OccurredOn, s.Event.AnnualValue, s.Event.Reason, s.Narrative),
                s.PickedAt != null && s.ToldAt == null, s.ToldAt))
            .ToListAsync(ct);
        return new Paged<StoryRow>(rows, Math.Max(1, page), StoriesPerPage, total);
    }
}
