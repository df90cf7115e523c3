using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Customers.Metrics;
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

    public async Task<CustomersView> RunAsync(string? period, DateOnly? from, DateOnly? to, int storyPage, CancellationToken ct)
    {
        var (today, zone) = await TeamZone.TodayAsync(db, settings, clock, ct);
        var chosen = DashboardPeriod.Read(period, from, to, today, out var problem);
        var range = await totals.RunAsync(chosen.Range, ct);
        var weeks = await trend.RunAsync(chosen.Range.To, ct);
        var review = ReviewPeriod.EndingYesterday(today, zone);
        var pick = await StorySelector.PickedAsync(db, ct);
        var story = pick ?? await StorySelector.MostValuableUntoldAsync(db, review.WeekFrom, review.WeekTo, ct);
        return new CustomersView(chosen, problem, range.Totals, range.Revenue, weeks,
            story is null ? null : StoryView.Of(story), pick is null ? null : StoryView.Of(pick),
            await StoriesAsync(chosen.Range, storyPage, ct));
    }

    async Task<Paged<StoryRow>> StoriesAsync(DateRange range, int page, CancellationToken ct)
    {
        var (first, last) = (range.From, range.To);
        var stories = db.LostStories.AsNoTracking().Where(s => s.LostOn >= first && s.LostOn <= last);
        var total = await stories.CountAsync(ct);
        var rows = await stories
            .OrderByDescending(s => s.LostOn).ThenByDescending(s => s.Id)
            .Skip(Paged<StoryRow>.Skip(page, StoriesPerPage)).Take(StoriesPerPage)
            .Select(s => new StoryRow(
                new StoryView(s.Id, s.Event.Customer.Name, s.Event.Customer.Group == null ? null : s.Event.Customer.Group.Name,
                    s.Event.OccurredOn, s.Event.AnnualValue, s.Event.Reason, s.Narrative),
                s.PickedAt != null && s.ToldAt == null, s.ToldAt))
            .ToListAsync(ct);
        return new Paged<StoryRow>(rows, Math.Max(1, page), StoriesPerPage, total);
    }
}
